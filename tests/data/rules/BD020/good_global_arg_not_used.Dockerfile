ARG REGISTRY_TOKEN=r3g-t0ken-2024
FROM alpine:3.20
RUN echo no token here
