FROM rockylinux:9 AS r
RUN yum update -y openssl && yum clean all
RUN dnf upgrade -y --security glibc && dnf clean all

FROM alpine:3.20 AS a
RUN apk upgrade --no-cache libcrypto3 libssl3
RUN apk add --no-cache --upgrade apk-tools

FROM debian:bookworm
RUN apt-get update && apt-get install -y --only-upgrade openssl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y --no-install-recommends unattended-upgrades && rm -rf /var/lib/apt/lists/*
RUN echo "apt-get upgrade" > /notes
