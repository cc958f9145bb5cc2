ARG PLATFORM=linux/amd64
#! BD014
FROM --platform=$PLATFORM alpine:3.20
