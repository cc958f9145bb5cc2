docker run -d nginx:1.27
docker run -d nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
docker run -d "$IMAGE"
