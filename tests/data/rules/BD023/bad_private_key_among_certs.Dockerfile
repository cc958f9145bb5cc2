FROM nginx:1.27
#! BD023
COPY cert.pem server.key /etc/nginx/ssl/
