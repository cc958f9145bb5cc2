# syntax=docker/dockerfile:1
FROM python:3.12-slim AS build
# build-only stage: its layers are not shipped
RUN apt-get update && apt-get install -y --no-install-recommends build-essential
RUN pip install wheel==0.43.0

FROM python:3.12-slim
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends curl
RUN --mount=type=cache,target=/root/.cache \
    pip install uvicorn==0.30.0
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask==3.0.3
COPY --from=build /etc/os-release /build
