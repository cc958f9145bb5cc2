FROM python:3.12-slim
RUN useradd --system --uid 10001 app
COPY --chown=10001 . /app
USER 10001
CMD ["python", "/app/main.py"]
