# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
set -e
wget -O /tmp/app.tgz https://example.com/app.tgz
echo "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824  /tmp/app.tgz" | sha256sum -c -
tar -xzf /tmp/app.tgz -C /opt
EOF
