FROM debian:bookworm-slim
#! BD051
RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    # the second install forgot the flag
#! BD051
    && apt-get -qy install \
        git \
        openssh-client \
    && rm -rf /var/lib/apt/lists/*
#! BD051
RUN ["apt-get", "install", "-y", "make"]
RUN apt-get update \
#! BD051
 && xargs sudo apt-get install -y < /tmp/packages.txt \
 && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
