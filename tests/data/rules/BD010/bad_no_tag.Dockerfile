#! BD010
FROM ubuntu
RUN apt-get update && apt-get install -y --no-install-recommends curl
