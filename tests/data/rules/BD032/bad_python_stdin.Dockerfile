FROM python:3.12-slim
#! BD032
RUN curl -sSL https://install.python-poetry.org | python3 -
