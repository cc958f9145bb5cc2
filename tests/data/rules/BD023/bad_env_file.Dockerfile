FROM python:3.12-slim
#! BD023
COPY .env /app/.env
