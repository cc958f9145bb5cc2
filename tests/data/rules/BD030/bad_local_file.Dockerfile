FROM nginx:1.27-alpine
#! BD030
ADD nginx.conf /etc/nginx/nginx.conf
