FROM alpine:3.20
COPY acme-agent-1.0.apk /tmp/
#! BD035
RUN apk add --no-cache --allow-untrusted /tmp/acme-agent-1.0.apk
