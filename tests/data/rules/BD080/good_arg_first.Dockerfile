# syntax=docker/dockerfile:1
# escape=\
ARG BASE_IMAGE=debian
ARG BASE_TAG=12-slim

FROM ${BASE_IMAGE}:${BASE_TAG}
LABEL org.opencontainers.image.title="app"
