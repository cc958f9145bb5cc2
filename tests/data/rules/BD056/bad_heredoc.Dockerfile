# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN <<EOF
set -e
#! BD056
apt-get update && /usr/bin/apt remove -y nano
rm -rf /var/lib/apt/lists/*
EOF
