#! target debug
FROM alpine:3.20 AS release
RUN adduser -D -u 10001 app
USER 10001

#! BD001
FROM alpine:3.20 AS debug
RUN apk add --no-cache strace

FROM release
