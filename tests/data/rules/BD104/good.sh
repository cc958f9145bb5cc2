docker run -d --security-opt apparmor=docker-default nginx:1.27
