FROM node:20 AS build
ENV NPM_TOKEN=npm-t0ken-value
RUN npm ci && npm run build

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
