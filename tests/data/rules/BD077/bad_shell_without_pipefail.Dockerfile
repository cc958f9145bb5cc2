FROM ubuntu:24.04
SHELL ["/bin/bash", "-e", "-c"]
#! BD077
RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
#! BD077
RUN cat /tmp/done | tee /tmp/log && set -o pipefail
