FROM debian:12-slim
COPY id_rsa.pub known_hosts /root/.ssh/
COPY corp-ca.pem /usr/local/share/ca-certificates/corp-ca.crt
COPY fullchain.pem /etc/nginx/ssl/
COPY .env.example /app/.env.example
COPY nginx_signing.key /usr/share/keyrings/
