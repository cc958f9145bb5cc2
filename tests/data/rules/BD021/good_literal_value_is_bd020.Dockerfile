FROM python:3.12-slim
ARG DB_PASSWORD=hunter2-Xy
