FROM debian:bookworm AS build
# The build stage may pull in a server for tests; it is not shipped.
RUN apt-get update && apt-get install -y openssh-server && rm -rf /var/lib/apt/lists/*

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssh-client git \
 && rm -rf /var/lib/apt/lists/*
RUN apt-get purge -y openssh-server || true
FROM alpine:3.20
RUN apk add --no-cache openssh-client openssh-keygen
RUN echo openssh-server > /packages.txt
