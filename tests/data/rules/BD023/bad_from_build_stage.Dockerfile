FROM docker:27 AS login
RUN --mount=type=secret,id=hub docker login -u acme --password-stdin < /run/secrets/hub

FROM debian:12-slim
#! BD023
COPY --from=login /root/.docker/config.json /root/.docker/config.json
