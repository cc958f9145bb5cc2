FROM debian:12-slim
RUN set -eux; \
    apt-get update; \
#! BD032
    curl -fsSL https://sh.rustup.rs \
      | sh -s -- -y --default-toolchain stable; \
    rm -rf /var/lib/apt/lists/*
