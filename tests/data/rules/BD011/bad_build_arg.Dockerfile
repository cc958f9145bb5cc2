#! build-arg VERSION=latest
ARG VERSION=3.20
#! BD011
FROM alpine:${VERSION}
