FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
#! BD083
COPY --from=build /out/app bin/
ADD config.yaml \
#! BD083
    conf/
