docker run -d -p 127.0.0.1:8080:80 nginx:1.27
docker run -d -p [::1]:8080:80 nginx:1.27
docker run -d -p "$BIND":8080:80 nginx:1.27
