# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN <<EOF
set -eux
#! BD053
apt-get update
EOF
#! BD053
RUN ["apt-get", "update"]
RUN apt-get install -y --no-install-recommends curl
