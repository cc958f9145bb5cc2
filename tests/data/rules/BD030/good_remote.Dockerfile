FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
ADD https://github.com/moby/buildkit.git#4c3f6a2f1bd0e5d3a1c1a9b4f4a7d9f3b2e1c0d9 /src
