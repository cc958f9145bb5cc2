FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
    # upgrading in the same RUN also uses the fresh index
    && apt-get -y upgrade \
    && rm -rf /var/lib/apt/lists/*
RUN apt-get update && DEBIAN_FRONTEND=noninteractive sudo apt-get install -y --no-install-recommends git
RUN apt-get update && xargs apt-get install -y --no-install-recommends < /tmp/packages.txt
RUN apt-get update && /usr/local/bin/install-deps.sh
RUN apt-get update && ./scripts/bootstrap.sh
RUN echo "run apt-get update first" > /README
FROM alpine:3.20
RUN apk update && apk add curl && rm -rf /var/cache/apk/*
RUN apk update && apk upgrade && rm -rf /var/cache/apk/*
# an index removed in the same RUN is not reused later
FROM debian:bookworm
RUN apt-get update && apt-get purge -y imagemagick && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
RUN apt-get update; apt-get dist-clean
