docker run -d --restart on-failure:5 nginx:1.27
docker run -d --restart no nginx:1.27
docker run -d nginx:1.27
