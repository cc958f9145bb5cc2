FROM python:3.12-slim
#! BD071
WORKDIR /
COPY requirements.txt /tmp/
RUN pip install --no-cache-dir -r /tmp/requirements.txt
COPY . .
CMD ["python", "app.py"]
