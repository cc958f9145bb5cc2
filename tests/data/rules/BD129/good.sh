docker run -d --network appnet nginx:1.27
docker run -d --network none nginx:1.27
