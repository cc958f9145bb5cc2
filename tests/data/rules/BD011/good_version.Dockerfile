FROM node:20.11-slim
