FROM alpine:3.20 AS sshbuilder
# Build-only stage: never shipped.
EXPOSE 22

FROM alpine:3.20
ARG PORT
EXPOSE 8022 2222/tcp 220 ${PORT}
EXPOSE 80/udp
CMD ["sh"]
