# syntax=docker/dockerfile:1
FROM node:20-slim
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
RUN --mount=type=secret,id=token TOKEN=$(cat /run/secrets/token) ./publish.sh
