FROM debian:12-slim
RUN set -eux; \
#! BD033
    wget -t 10 --max-redirect 1 -O /usr/local/bin/setup "https://example.com/setup.sh"; \
    sh -n /usr/local/bin/setup; \
    sh /usr/local/bin/setup --install
