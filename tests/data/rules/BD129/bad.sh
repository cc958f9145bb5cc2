#! BD129
docker run -d nginx:1.27
#! BD129
docker run -d --network bridge nginx:1.27
