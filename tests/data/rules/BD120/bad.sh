#! BD120
docker run -d nginx:1.27
#! BD120
docker run -d --read-only=false nginx:1.27
