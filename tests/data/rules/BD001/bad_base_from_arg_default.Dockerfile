ARG BASE_IMAGE=ubuntu:24.04
#! BD001
FROM ${BASE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*
CMD ["nginx", "-g", "daemon off;"]
