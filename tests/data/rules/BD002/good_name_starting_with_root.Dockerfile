FROM debian:12-slim
RUN useradd --uid 10001 rootless
USER rootless
