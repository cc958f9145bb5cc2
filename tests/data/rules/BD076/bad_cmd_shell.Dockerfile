FROM node:20-slim
WORKDIR /app
COPY . .
#! BD076
CMD node server.js --port $PORT
