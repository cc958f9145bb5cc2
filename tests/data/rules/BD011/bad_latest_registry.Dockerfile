#! BD011
FROM quay.io/prometheus/node-exporter:latest
