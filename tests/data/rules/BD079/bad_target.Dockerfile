#! target worker
FROM python:3.12-slim AS base
WORKDIR /app

#! BD079
FROM base AS worker
CMD ["celery", "-A", "app", "worker"]

FROM base AS web
HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
CMD ["gunicorn", "app:app"]
