docker run -d -v /srv/app:/app nginx:1.27
docker run -d -v data:/var/lib/data nginx:1.27
docker run -d -v /etc/ssl/certs:/etc/ssl/certs:ro nginx:1.27
docker run -d -v "$HOST_DIR":/data nginx:1.27
docker run -d -v /var/run/docker.sock:/var/run/docker.sock nginx:1.27
