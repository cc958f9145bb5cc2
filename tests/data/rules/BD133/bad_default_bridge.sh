#! BD133
docker run -d --name cache redis:7
docker run -d --name web -p 8080:80 nginx:1.27
