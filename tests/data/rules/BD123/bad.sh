#! BD123
docker run -d --restart always nginx:1.27
#! BD123
docker run -d --restart=unless-stopped nginx:1.27
#! BD123
docker run -d --restart on-failure nginx:1.27
