FROM node:20-slim AS base
WORKDIR /app
USER node

FROM base
COPY --chown=node . .
CMD ["node", "server.js"]
