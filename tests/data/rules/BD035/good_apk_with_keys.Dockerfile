FROM alpine:3.20
COPY acme.rsa.pub /etc/apk/keys/
RUN apk add --no-cache acme-agent
