FROM alpine:3.20
RUN <<EOF
apk add --no-cache curl
#! BD077
curl -fsSL https://example.com/keys | gpg --import
EOF
