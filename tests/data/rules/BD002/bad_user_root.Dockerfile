FROM debian:12-slim
RUN useradd --uid 10001 app
USER app
RUN id
#! BD002
USER root
CMD ["/usr/local/bin/start"]
