# armhf/ is the deprecated name of the 32-bit ARMv7 namespace (Docker Hub stopped it in 2017):
# read like arm32v7/, and the replacement names arm32v7/, which holds the supported releases.
#! BD015
#! fix FROM arm32v7/debian:trixie AS debian
FROM armhf/debian:jessie AS debian

#! BD015
#! fix FROM arm32v7/ubuntu:24.04 AS ubuntu
FROM armhf/ubuntu:xenial AS ubuntu

# A release number the tag alone does not name as a distribution: known from the image.
#! BD015
#! fix FROM arm32v7/alpine:3.23 AS alpine
FROM armhf/alpine:3.5 AS alpine

#! BD015
#! fix FROM arm32v7/buildpack-deps:trixie-curl
FROM armhf/buildpack-deps:jessie-curl
