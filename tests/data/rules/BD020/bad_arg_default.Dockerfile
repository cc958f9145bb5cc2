FROM python:3.12-slim
#! BD020
ARG DB_PASSWORD=hunter2-Xy
RUN python manage.py migrate
