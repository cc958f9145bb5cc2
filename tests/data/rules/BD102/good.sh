docker run -d --cap-drop ALL nginx:1.27
docker run -d --cap-drop=all --cap-add CHOWN nginx:1.27
docker run -d --privileged nginx:1.27
