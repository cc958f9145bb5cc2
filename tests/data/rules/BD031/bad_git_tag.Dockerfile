FROM golang:1.22 AS build
#! BD031
ADD https://github.com/moby/buildkit.git#v0.13.2 /src
RUN cd /src && go build ./cmd/buildctl
