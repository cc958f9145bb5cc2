FROM alpine:3.20
#! BD031
ADD git@github.com:acme/config.git /etc/config
