FROM node:20 AS build
#! BD022
RUN echo "//registry.npmjs.org/:_authToken=npm_84iqh4gVJjrsMnTvnRO2qGFq562dfOB1rcav" > .npmrc && npm ci

FROM nginx:1.27-alpine
COPY --from=build /app/dist /usr/share/nginx/html
