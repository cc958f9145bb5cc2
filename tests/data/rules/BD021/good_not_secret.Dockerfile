FROM debian:12-slim
ARG TOKEN_URL
ARG PASSWORD_FILE=/run/secrets/password
ARG VERSION=1.2.3
