FROM nginx:1.27
EXPOSE 80 443/tcp 8000-8010/udp 0
EXPOSE 9090/TCP
ARG METRICS_PORT
EXPOSE $METRICS_PORT
# HEALTHCHECK values are BuildKit errors the parser reports; this rule is about EXPOSE.
HEALTHCHECK --interval=1m30s --timeout=500ms --start-period=0 --retries=3 \
  CMD curl -f http://localhost/ || exit 1
