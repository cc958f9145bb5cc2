FROM alpine:3.20 AS builder
RUN abuild -P /tmp/packages

FROM alpine:3.20
#! BD035
RUN curl -O https://example.com/tool.apk && apk add --allow-untrusted tool.apk
# The verification does not stop the RUN when it fails (`;` without set -e).
#! BD035
RUN gpg --verify tool.apk.sig tool.apk; apk add --allow-untrusted tool.apk
#! BD035
RUN apk add --allow-untrusted https://example.com/tool.apk
# A mount of an image (not a stage of this Dockerfile), and a cache mount.
#! BD035
RUN --mount=type=bind,target=/pk,from=example.com/packages:1 apk add --allow-untrusted /pk/tool.apk
#! BD035
RUN --mount=type=cache,target=/tmp/packages apk add --allow-untrusted /tmp/packages/tool.apk
# `set +e` undoes the `set -e`: a failed verification no longer stops the RUN.
#! BD035
RUN set -e; set +e; gpg --verify tool.apk.sig tool.apk; apk add --allow-untrusted tool.apk
