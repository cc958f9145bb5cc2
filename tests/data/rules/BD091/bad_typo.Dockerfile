FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
#! BD091
COPY --from=biulder /out/app /usr/local/bin/app
