#! BD093
FROM base AS app
COPY . /app

FROM debian:12-slim AS base
RUN apt-get update
