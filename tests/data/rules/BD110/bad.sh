#! BD110
docker run -d --uts=host nginx:1.27
