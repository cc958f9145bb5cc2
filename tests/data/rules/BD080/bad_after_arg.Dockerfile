ARG VERSION=3.20
#! BD080
ENV VERSION=${VERSION}
RUN echo "not allowed here"
FROM alpine:${VERSION}
