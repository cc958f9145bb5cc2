# syntax=docker/dockerfile:1
FROM debian:bookworm
RUN <<EOF
set -e
useradd -m operator
#! BD046
chpasswd <<PASSWORDS
operator:0perator!
PASSWORDS
EOF
USER operator
