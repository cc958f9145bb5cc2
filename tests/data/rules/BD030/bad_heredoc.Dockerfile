# syntax=docker/dockerfile:1
FROM alpine:3.20
#! BD030
ADD <<EOF /etc/motd
Welcome
EOF
