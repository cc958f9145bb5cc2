FROM alpine:3.20
ARG KEY_FILE=id_ed25519
#! BD023
COPY ${KEY_FILE} /root/.ssh/
