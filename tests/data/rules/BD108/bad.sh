#! BD108
docker run -d --pid host nginx:1.27
#! BD108
docker run -d --pid=host nginx:1.27
