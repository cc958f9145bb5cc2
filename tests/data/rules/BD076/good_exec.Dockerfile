FROM node:20-slim AS test
# Shell form in a stage that does not ship is fine.
CMD npm test

FROM node:20-slim
WORKDIR /app
CMD ["node", "server.js"]
