FROM alpine:3.20
ADD --checksum=sha256:c5b2da8d5e5b12c34d1a3f6a0d4e0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f70 https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /sbin/tini
