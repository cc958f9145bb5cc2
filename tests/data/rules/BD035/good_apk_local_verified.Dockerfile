FROM alpine:3.20 AS builder
RUN mkdir -p /tmp/packages && abuild -P /tmp/packages

FROM alpine:3.20
# Microsoft's documented procedure: the package's signature is checked with gpg just before.
RUN curl -O https://download.microsoft.com/download/msodbcsql18_18.3.2.1-1_amd64.apk \
 && curl -O https://download.microsoft.com/download/msodbcsql18_18.3.2.1-1_amd64.sig \
 && curl https://packages.microsoft.com/keys/microsoft.asc | gpg --import - \
 && gpg --verify msodbcsql18_18.3.2.1-1_amd64.sig msodbcsql18_18.3.2.1-1_amd64.apk \
 && apk add --allow-untrusted msodbcsql18_18.3.2.1-1_amd64.apk
RUN set -eux; gpgv --keyring /k.gpg tool.apk.sig tool.apk; apk add --allow-untrusted tool.apk
# Packages built by a stage of this Dockerfile, read through a bind mount.
RUN --mount=type=bind,target=/tmp/packages/,source=/tmp/packages/,from=builder \
    for module in geoip njs; do \
        apk add --no-cache --allow-untrusted /tmp/packages/nginx-module-${module}-*.apk; \
    done
