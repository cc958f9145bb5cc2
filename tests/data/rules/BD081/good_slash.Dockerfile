FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY ["tsconfig.json", "src", "/app/build/"]
COPY server.js /app/server.js
COPY a.js b.js .
ARG DEST
COPY x.conf y.conf $DEST
