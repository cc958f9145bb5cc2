#! today 2020-01-01
FROM python:3.7-slim
