docker run -d --cap-drop ALL --cap-add NET_BIND_SERVICE --cap-add CHOWN nginx:1.27
docker run -d --cap-add "$EXTRA_CAP" nginx:1.27
docker run -d --cap-drop SYS_ADMIN nginx:1.27
