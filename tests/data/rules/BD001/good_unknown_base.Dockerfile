# The base image comes from the build: its user is unknown, so nothing is reported.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY app /app
