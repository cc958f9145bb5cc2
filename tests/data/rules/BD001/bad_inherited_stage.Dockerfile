FROM node:20-slim AS base
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev

#! BD001
FROM base AS runtime
COPY . .
CMD ["node", "server.js"]
