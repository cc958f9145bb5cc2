#! BD113
docker run -d -v /:/host alpine:3.20
#! BD113
docker run -d -v /etc:/host/etc:ro nginx:1.27
#! BD113
docker run -d --mount type=bind,source=/proc,target=/hostproc nginx:1.27
#! BD113
docker run -d --volume=/root/.ssh:/keys nginx:1.27
