FROM node:20-slim
#! BD070
WORKDIR app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
CMD ["node", "server.js"]
