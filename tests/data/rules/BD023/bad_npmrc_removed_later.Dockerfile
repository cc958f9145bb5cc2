FROM node:20-slim
WORKDIR /app
#! BD023
COPY .npmrc package*.json ./
RUN npm ci && rm -f .npmrc
