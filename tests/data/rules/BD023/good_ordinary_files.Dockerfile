FROM python:3.12-slim
COPY requirements.txt setup.cfg /app/
COPY config/ /app/config/
COPY --chmod=755 entrypoint.sh /usr/local/bin/
