docker run -d --cpus 0.5 nginx:1.27
docker run -d -c 512 nginx:1.27
docker run -d --cpu-quota 50000 nginx:1.27
