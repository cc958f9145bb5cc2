FROM debian:12-slim
ARG VERSION=1.7.1
#! BD031
ADD https://releases.example.com/tool/${VERSION}/tool-linux-amd64 /usr/local/bin/tool
