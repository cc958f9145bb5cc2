#! BD116
docker run -d --device /dev/sda nginx:1.27
#! BD116
docker run -d --device=/dev/fuse:/dev/fuse:rwm nginx:1.27
