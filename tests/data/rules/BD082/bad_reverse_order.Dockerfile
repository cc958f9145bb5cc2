FROM python:3.12-slim AS base
#! BD082
ENV VENV_BIN="${VENV}/bin" VENV=/opt/venv

FROM debian:12-slim AS child
#! BD082
ENV LANG=C.UTF-8 LC_ALL=$LANG
