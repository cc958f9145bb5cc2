FROM node:20-slim
ENV NODE_ENV=production \
#! BD020
    SMTP_PASS="m41lP4ss" \
    PORT=3000 \
#! BD020
    apiKey=4f9a0c2d7e1b
CMD ["node", "server.js"]
