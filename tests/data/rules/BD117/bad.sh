#! BD117
docker run -d nginx:1.27
#! BD117
docker run -d --memory 0 nginx:1.27
