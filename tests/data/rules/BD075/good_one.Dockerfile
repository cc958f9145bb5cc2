FROM nginx:1.27 AS base
HEALTHCHECK NONE

FROM base
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1
