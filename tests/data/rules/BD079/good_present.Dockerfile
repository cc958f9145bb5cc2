FROM node:20-slim
WORKDIR /app
COPY . .
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD node healthcheck.js
CMD ["node", "server.js"]
