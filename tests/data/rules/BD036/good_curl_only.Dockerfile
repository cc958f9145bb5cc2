FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl wget
RUN curl -fsSLo /tmp/a https://example.com/a && curl -fsSLo /tmp/b https://example.com/b
