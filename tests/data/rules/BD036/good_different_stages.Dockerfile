FROM alpine:3.20 AS fetch
RUN wget -qO /tmp/a https://example.com/a

FROM debian:12-slim
COPY --from=fetch /tmp/a /opt/a
RUN curl -fsSL https://example.com/health
