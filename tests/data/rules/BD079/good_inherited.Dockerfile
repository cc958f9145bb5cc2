FROM python:3.12-slim AS base
HEALTHCHECK CMD ["python", "-c", "print('ok')"]

FROM base AS app
COPY . /app
CMD ["python", "/app/main.py"]
