FROM debian:12-slim AS fetch
RUN curl -fsSLo /tmp/a https://example.com/a
#! BD036
RUN wget -O /tmp/b https://example.com/b

FROM debian:12-slim
COPY --from=fetch /tmp/a /tmp/b /opt/
