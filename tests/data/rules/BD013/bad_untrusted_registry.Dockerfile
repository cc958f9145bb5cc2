#! trusted-registry docker.io
FROM python:3.12-slim AS app
#! BD013
FROM quay.io/prometheus/node-exporter:v1.8.1
