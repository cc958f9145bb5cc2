FROM python:3.12-slim
ARG USERNAME=appuser
RUN useradd --create-home ${USERNAME}
#! BD003
USER ${USERNAME}
