# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
mkdir -p /root/.ssh
cat > /root/.ssh/id_rsa <<'KEY'
#! BD022
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACBQm2FdfXf5yWXb3y1nwd3mW8v6kd1Jxk8b0n3iR0oH0wAAAJh7PSU2ez0l
-----END OPENSSH PRIVATE KEY-----
KEY
chmod 600 /root/.ssh/id_rsa
EOF
