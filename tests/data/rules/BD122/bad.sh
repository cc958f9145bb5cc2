#! BD122
docker run -d -p 80:80 nginx:1.27
#! BD122
docker run -d -p 127.0.0.1:443:443 nginx:1.27
