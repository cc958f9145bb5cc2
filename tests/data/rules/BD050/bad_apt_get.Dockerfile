FROM ubuntu:22.04
#! BD050
RUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
 && apt-get install -y --no-install-recommends git \
    # removing python prompts for confirmation
#! BD050
 && apt-get remove python3 \
 && rm -rf /var/lib/apt/lists/*
#! BD050
RUN sudo apt-get -q install --no-install-recommends vim
#! BD050
RUN ["apt-get", "install", "--no-install-recommends", "make"]
