#! BD128
docker run -d nginx
#! BD128
docker run -d nginx:latest
#! BD128
docker run -d --name cache docker.io/library/redis
