FROM alpine:3.20
ADD https://github.com/moby/buildkit.git#4c3f6a2f1bd0e5d3a1c1a9b4f4a7d9f3b2e1c0d9 /src
ADD https://github.com/moby/moby.git#4c3f6a2f1bd0e5d3a1c1a9b4f4a7d9f3b2e1c0d9:hack /hack
