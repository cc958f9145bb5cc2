FROM debian:bookworm
# "ssh" is Debian's metapackage for client and server.
#! BD044
RUN apt-get update && apt-get -qy install ssh && rm -rf /var/lib/apt/lists/*
