#! BD102
docker run -d nginx:1.27
#! BD102
docker run -d --cap-drop NET_RAW nginx:1.27
