ARG TAG=latest
#! BD011
FROM python:${TAG} AS build
RUN python --version

FROM python:3.12-slim
