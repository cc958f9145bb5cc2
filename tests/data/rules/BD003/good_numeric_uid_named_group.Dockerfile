FROM debian:12-slim
RUN useradd --uid 1000 dev
USER 1000:staff
