#! build-arg BASE_IMAGE=debian:12-slim
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
