FROM alpine:3.20
ARG CONFIG=app.yaml
#! BD030
ADD --chown=app ${CONFIG} /etc/app/
