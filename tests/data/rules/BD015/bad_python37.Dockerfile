#! BD015
FROM python:3.7-slim
RUN pip install flask
