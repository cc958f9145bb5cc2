# syntax=docker/dockerfile:1
# Labels must come after FROM.
#! BD080
LABEL org.opencontainers.image.source="https://github.com/example/app"
FROM alpine:3.20
RUN apk add --no-cache ca-certificates
