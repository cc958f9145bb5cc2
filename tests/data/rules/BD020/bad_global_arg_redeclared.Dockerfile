#! BD020
ARG REGISTRY_TOKEN=r3g-t0ken-2024
FROM alpine:3.20
ARG REGISTRY_TOKEN
RUN apk add --no-cache curl
