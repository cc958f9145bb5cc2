# The ARG default is relative, so the WORKDIR is too after expansion.
ARG NODE_VERSION=20
FROM node:${NODE_VERSION}-alpine AS build
ARG APP_DIR=src/app
#! BD070
WORKDIR ${APP_DIR}
COPY . .
RUN npm ci && npm run build

FROM nginx:1.27-alpine
WORKDIR /usr/share/nginx/html
#! BD070
WORKDIR static
COPY --from=build /src/app/dist/ ./
