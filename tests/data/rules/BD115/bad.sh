#! BD115
docker run -d -v /srv/data:/data:rshared nginx:1.27
#! BD115
docker run -d --mount type=bind,source=/srv/data,target=/data,bind-propagation=shared nginx:1.27
