FROM debian:12-slim
RUN useradd --uid 10001 app
USER root
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
USER 10001
