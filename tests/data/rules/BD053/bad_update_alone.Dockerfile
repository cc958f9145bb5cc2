FROM ubuntu:22.04
#! BD053
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
#! BD053
RUN apt-get update -qq && echo "index refreshed"
#! BD053
RUN sudo apt update
CMD ["bash"]
