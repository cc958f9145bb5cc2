#! BD130
docker run -d --log-driver none nginx:1.27
