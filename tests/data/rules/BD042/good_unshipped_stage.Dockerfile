FROM alpine:3.20 AS tools
RUN chmod u+s /bin/busybox

FROM alpine:3.20
RUN adduser -D app
USER app
