docker run -d --user 1000 nginx:1.27
docker run -d -u app nginx:1.27
docker run -d --user "$(id -u)" nginx:1.27
