FROM debian:12-slim AS base
RUN apt-get update

FROM base AS app
COPY . /app

FROM BASE AS other
