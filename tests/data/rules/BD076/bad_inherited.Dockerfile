FROM python:3.12-slim AS base
WORKDIR /app
#! BD076
CMD gunicorn --bind 0.0.0.0:8000 \
    app:app

FROM base
COPY . .
