FROM alpine:3.20
RUN apk add --no-cache tini
#! BD002
USER 0:0
ENTRYPOINT ["/sbin/tini", "--"]
