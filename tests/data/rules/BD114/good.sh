docker run -d -v /srv/docker:/data traefik:v3.1
docker run -d -e DOCKER_HOST=tcp://socket-proxy:2375 traefik:v3.1
