# syntax=docker/dockerfile:1
FROM ubuntu:22.04
RUN <<EOF
set -e
#! BD052
apt-get update
apt-get install -y --no-install-recommends tzdata
EOF
#! BD052
RUN ["pip3", "install", "requests==2.32.3"]
