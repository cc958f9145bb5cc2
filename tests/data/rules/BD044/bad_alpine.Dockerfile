FROM alpine:3.20 AS base
# alpine's "openssh" pulls in openssh-server.
#! BD044
RUN apk add --no-cache openssh bash
#! BD044
RUN apk add --no-cache dropbear=2024.85-r0

FROM base
CMD ["/usr/sbin/sshd", "-D"]
