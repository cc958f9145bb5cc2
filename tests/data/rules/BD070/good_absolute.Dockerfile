FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
WORKDIR "/app/src"
COPY . .
CMD ["python", "-m", "app"]
