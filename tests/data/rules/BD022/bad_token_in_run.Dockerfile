FROM alpine:3.20
RUN apk add --no-cache git
#! BD022
#! fix RUN --mount=type=secret,id=github-token '<command>'   (revoke the credential and remove it from the file and its history; build with docker build --secret 'id=github-token,src=<file>')
RUN git clone https://ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ@github.com/acme/private.git /src
