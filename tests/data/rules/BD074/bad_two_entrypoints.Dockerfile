FROM alpine:3.20
RUN apk add --no-cache tini
#! BD074
ENTRYPOINT ["/sbin/tini", "--"]
COPY server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
