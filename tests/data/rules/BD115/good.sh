docker run -d -v /srv/data:/data:rslave nginx:1.27
docker run -d --mount type=bind,source=/srv/data,target=/data,readonly nginx:1.27
