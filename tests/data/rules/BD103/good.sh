docker run -d --security-opt seccomp=/etc/docker/seccomp.json nginx:1.27
docker run -d nginx:1.27
