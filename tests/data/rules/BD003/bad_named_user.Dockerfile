FROM debian:12-slim
RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home app
COPY --chown=app:app . /app
#! BD003
USER app
CMD ["/app/run"]
