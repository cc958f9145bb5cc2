FROM python:3.12-slim
# Set the token with --secret; example: GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
ARG GITHUB_TOKEN
RUN git clone https://${GITHUB_TOKEN}@github.com/acme/app.git
RUN curl -H "Authorization: Bearer $API_TOKEN" https://api.internal/data
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
ENV DATABASE_URL=postgres://postgres:postgres@db:5432/app
