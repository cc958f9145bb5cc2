FROM alpine:3.20
#! BD023
COPY deploy_key /root/.ssh/
