docker run -d --security-opt label=level:s0:c100,c200 nginx:1.27
docker run -d -v /srv/data:/data:Z nginx:1.27
