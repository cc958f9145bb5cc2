FROM debian:bookworm AS deb
#! BD057
RUN echo "deb http://apt.example.com/debian bookworm main" > /etc/apt/sources.list.d/example.list
RUN printf '%s\n' \
#! BD057
    "deb [arch=amd64 signed-by=/usr/share/keyrings/ex.gpg] http://mirror.example.org/ubuntu jammy main" \
    | tee /etc/apt/sources.list.d/mirror.list

FROM alpine:3.20
#! BD057
RUN apk add --no-cache --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing hub
#! BD057
RUN echo "http://mirror.example.com/alpine/v3.20/main" >> /etc/apk/repositories
