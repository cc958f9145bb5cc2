FROM debian:bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        ca-certificates=20230311 \
#! BD055
        curl \
        git \
 && rm -rf /var/lib/apt/lists/*
FROM alpine:3.20
#! BD055
RUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.5-r0
FROM rockylinux:9
#! BD055
RUN yum install -y httpd python3-devel && yum clean all
#! BD055
RUN dnf -y install nginx-1.20.1 jq && dnf clean all
#! BD055
RUN zypper -n in vim && zypper clean -a
