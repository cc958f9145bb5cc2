#! BD106
docker run -d nginx:1.27
#! BD106
docker run -d --security-opt no-new-privileges=false nginx:1.27
