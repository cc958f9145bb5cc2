# syntax=docker/dockerfile:1
FROM debian:12-slim
RUN <<EOF
set -e
#! BD034
curl -k https://internal.example.com/install.tar.gz -o /tmp/i.tgz
EOF
