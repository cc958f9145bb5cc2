FROM ubuntu:22.04
RUN apt-get update \
#! BD054
 && apt-get upgrade -y \
#! BD054
 && apt-get -y dist-upgrade \
 && rm -rf /var/lib/apt/lists/*
#! BD054
RUN apt update && apt full-upgrade -y && rm -rf /var/lib/apt/lists/*
