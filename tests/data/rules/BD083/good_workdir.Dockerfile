FROM node:20-slim AS base
WORKDIR /app

FROM base
COPY package.json .
COPY . ./

FROM alpine:3.20
COPY app /usr/local/bin/app
COPY $APP_FILES $DEST
