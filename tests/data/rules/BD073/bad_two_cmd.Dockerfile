FROM python:3.12-slim
WORKDIR /app
COPY . .
#! BD073
CMD ["python", "manage.py", "migrate"]
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]
