FROM alpine:3.20 AS base
#! BD052
RUN apk add curl
#! BD052
RUN apk update && apk add --no-cache git

FROM base
#! BD052
RUN sudo apk --update add bash
