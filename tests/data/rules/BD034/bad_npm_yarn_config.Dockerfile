FROM node:20-slim
#! BD034
RUN npm config set strict-ssl false && npm ci
#! BD034
RUN yarn config set strict-ssl false
