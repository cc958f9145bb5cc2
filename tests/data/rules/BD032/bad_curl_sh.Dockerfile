FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates
#! BD032
RUN curl -fsSL https://get.docker.com | sh
