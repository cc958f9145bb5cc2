FROM node:20 AS build
RUN npm ci

#! BD092
FROM node:20 AS Build
RUN npm run build

FROM nginx:1.27 AS web
#! BD092
FROM nginx:1.27 as web
