FROM rust:1.79 AS build
WORKDIR /src
COPY . .
RUN cargo build --release

FROM debian:12-slim
#! BD091
RUN --mount=type=bind,from=biuld,source=/src/target/release,target=/mnt \
    cp /mnt/app /usr/local/bin/app
#! BD091
RUN --mount=type=cache,from=cache-stage,target=/root/.cache true
