# syntax=docker/dockerfile:1
FROM ubuntu:24.04 AS base
RUN <<EOF
apt-get update
#! BD051
sudo DEBIAN_FRONTEND=noninteractive apt install -y python3
rm -rf /var/lib/apt/lists/*
EOF

FROM base
#! BD051
RUN apt-get update && aptitude install -y htop && rm -rf /var/lib/apt/lists/*
