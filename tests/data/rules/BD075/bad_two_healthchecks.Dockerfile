FROM nginx:1.27
#! BD075
HEALTHCHECK --interval=30s CMD curl -fsS http://localhost/health || exit 1
COPY site/ /usr/share/nginx/html/
HEALTHCHECK NONE
