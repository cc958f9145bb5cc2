FROM nginx:1.27
COPY nginx.conf /etc/nginx/nginx.conf
#! BD002
USER root:root
