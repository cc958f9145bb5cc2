FROM python:3.12-slim
#! BD083
COPY requirements.txt .
RUN pip install -r requirements.txt
WORKDIR /app
COPY . .
