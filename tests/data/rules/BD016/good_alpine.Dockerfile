FROM node:20-alpine
