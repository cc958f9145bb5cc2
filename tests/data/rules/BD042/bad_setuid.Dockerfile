FROM debian:bookworm-slim
ENV GOSU_VERSION=1.17
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates wget; \
    wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-amd64"; \
    chmod +x /usr/local/bin/gosu; \
#! BD042
    chmod +s /usr/local/bin/gosu; \
    rm -rf /var/lib/apt/lists/*
#! BD042
RUN chmod 4755 /usr/local/bin/helper
#! BD042
RUN chmod u+s,g+s /usr/bin/ping
USER nobody
