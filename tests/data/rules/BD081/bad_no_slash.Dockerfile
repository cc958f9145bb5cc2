FROM node:20-slim
WORKDIR /app
#! BD081
COPY package.json package-lock.json /app
#! BD081
COPY --chown=node:node ["tsconfig.json", "src", "/app/build"]
