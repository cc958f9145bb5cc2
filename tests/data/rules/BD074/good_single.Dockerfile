FROM alpine:3.20 AS base
ENTRYPOINT ["/bin/sh"]

FROM base
ENTRYPOINT ["/sbin/tini", "--", "/app/server"]
