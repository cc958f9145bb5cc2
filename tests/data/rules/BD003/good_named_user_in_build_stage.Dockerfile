FROM golang:1.22 AS build
RUN useradd builder
USER builder
RUN go version

FROM gcr.io/distroless/static-debian12
USER 65532
