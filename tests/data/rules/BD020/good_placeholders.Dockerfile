FROM node:20-slim
ENV API_KEY=changeme
ENV GITHUB_TOKEN=<your-token>
ENV DB_PASSWORD=""
ENV SECRET_KEY=xxxxxxxx
