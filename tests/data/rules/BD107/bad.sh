#! BD107
docker run -d --network host nginx:1.27
#! BD107
docker run -d --net=host nginx:1.27
