# syntax=docker/dockerfile:1
FROM ubuntu:24.04
USER ubuntu
RUN <<EOT
set -e
#! BD040
sudo apt-get update
EOT
#! BD040
RUN ["sudo", "ldconfig"]
