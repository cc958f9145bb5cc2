docker run -d -m 512m nginx:1.27
docker run -d --memory=1g nginx:1.27
docker run -d --memory "$MEM" nginx:1.27
