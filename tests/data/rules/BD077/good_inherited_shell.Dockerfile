FROM alpine:3.20 AS base
RUN apk add --no-cache bash
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]

FROM base
RUN wget -qO- https://example.com/install.sh | bash
RUN echo "a | b" > /tmp/not-a-pipe
