#! BD124
docker run -d --no-healthcheck nginx:1.27
#! BD124
docker run -d --health-cmd NONE nginx:1.27
