#! BD121
docker run -d -p 8080:80 nginx:1.27
#! BD121
docker run -d -p8080:80 nginx:1.27
#! BD121
docker run -d -P nginx:1.27
#! BD121
docker run -d --publish 0.0.0.0:8080:80/tcp nginx:1.27
#! BD121
docker run -d -itp 80 nginx:1.27
