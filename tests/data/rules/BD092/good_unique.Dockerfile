FROM node:20 AS deps
RUN npm ci

FROM deps AS build
RUN npm run build

FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
