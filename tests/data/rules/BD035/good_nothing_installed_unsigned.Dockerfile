FROM debian:12-slim
# A repository of packages built in this step, and removals that install nothing.
RUN set -eux; \
    tempDir="$(mktemp -d)"; \
    dpkg-scanpackages . > "$tempDir/Packages"; \
    echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list; \
    apt-get purge -y -f --force-yes build-essential
FROM alpine:3.20
RUN apk index --allow-untrusted -o /tmp/packages/APKINDEX.tar.gz /tmp/packages/*.apk
