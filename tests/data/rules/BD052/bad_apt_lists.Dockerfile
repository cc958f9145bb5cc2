FROM debian:bookworm-slim
#! BD052
RUN apt-get update && apt-get install -y --no-install-recommends curl
RUN set -eux; \
    # lists removed before the update do not count
    rm -rf /var/lib/apt/lists/*; \
#! BD052
    apt-get update; \
    apt-get install -y --no-install-recommends git; \
    apt-get clean
CMD ["bash"]
