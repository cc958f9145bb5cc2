FROM debian:12-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt

FROM debian:12-slim AS second
RUN set -eo pipefail; curl -fsSL https://example.com/a | sha256sum
RUN ["/bin/bash", "-euxo", "pipefail", "-c", "curl -fsSL https://example.com/b | tar -xz"]
RUN bash -o pipefail -c 'curl -fsSL https://example.com/c | sh'
