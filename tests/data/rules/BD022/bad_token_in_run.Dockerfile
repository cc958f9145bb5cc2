FROM alpine:3.20
RUN apk add --no-cache git
#! BD022
RUN git clone https://ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ@github.com/acme/private.git /src
