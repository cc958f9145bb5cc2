docker run -d -p 8080:80 nginx:1.27
docker run -d -p 80 nginx:1.27
docker run -d -p 127.0.0.1:8000-8010:8000-8010 nginx:1.27
