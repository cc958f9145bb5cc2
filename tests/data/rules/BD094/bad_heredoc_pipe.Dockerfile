FROM alpine:3.20
RUN --mount=type=secret,id=sa,target=/tmp/sa.json <<EOF
set -e
#! BD094
base64 -d /tmp/sa.json | tee /etc/app/credentials.json
EOF
