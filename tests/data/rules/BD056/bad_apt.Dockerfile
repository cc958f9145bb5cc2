FROM ubuntu:22.04
#! BD056
#! BD056
RUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN set -eux; \
    apt-get update; \
#! BD056
    sudo apt -y install git; \
    rm -rf /var/lib/apt/lists/*
#! BD056
RUN ["apt", "list", "--installed"]
