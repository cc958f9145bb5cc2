# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN <<EOF
set -eux
apt-get update
#! BD050
apt-get install --no-install-recommends ca-certificates
rm -rf /var/lib/apt/lists/*
EOF
