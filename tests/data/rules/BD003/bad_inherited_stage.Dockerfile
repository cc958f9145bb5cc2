FROM node:20-slim AS base
#! BD003
USER node

FROM base
COPY . /app
