FROM node:20 AS build
COPY .npmrc package*.json ./
RUN npm ci && npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
