FROM ubuntu:24.04
#! BD078
MAINTAINER Jane Doe <jane@example.com>
RUN apt-get update

FROM alpine:3.20
#! BD078
maintainer "ops team"
