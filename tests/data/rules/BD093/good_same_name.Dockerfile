# `FROM gcc AS gcc` names the image gcc on purpose: a stage never refers to itself.
FROM debian:12-slim AS base
RUN apt-get update

FROM gcc AS gcc
COPY --from=base /etc/os-release /tmp/

FROM golang AS go
