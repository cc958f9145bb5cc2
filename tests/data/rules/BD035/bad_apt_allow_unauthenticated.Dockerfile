FROM debian:12-slim
#! BD035
RUN apt-get update && apt-get install -y --allow-unauthenticated --no-install-recommends curl
