#! target app
FROM node:20-slim AS app
CMD ["node", "index.js"]

FROM node:20-slim AS dev
CMD npm run dev
