# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
set -e
apk add --no-cache curl bash
#! BD032
curl -fsSL https://get.acme.dev/install | bash
EOF
