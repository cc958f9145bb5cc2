#! BD016
FROM python:3.12
COPY app.py /app/
CMD ["python", "/app/app.py"]
