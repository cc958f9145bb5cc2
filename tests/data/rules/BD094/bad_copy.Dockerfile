FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
#! BD094
RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc /root/.npmrc && npm ci
#! BD094
RUN --mount=type=secret,id=token cat /run/secrets/token > /app/.env
