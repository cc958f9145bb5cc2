FROM python:3.12-slim
WORKDIR /app
#! BD030
ADD requirements.txt setup.py ./
#! BD030
ADD src/ /app/src/
