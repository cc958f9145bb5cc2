#! BD119
docker run -d nginx:1.27
#! BD119
docker run -d --pids-limit -1 nginx:1.27
