#! BD127
docker run -d --user root nginx:1.27
#! BD127
docker run -d -u 0:0 nginx:1.27
#! BD127
docker run -d --user=0 nginx:1.27
