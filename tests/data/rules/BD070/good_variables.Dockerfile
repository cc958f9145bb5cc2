ARG BASE=/opt
FROM eclipse-temurin:21-jre
# Unknown: no default, no --build-arg.
ARG INSTALL_DIR
WORKDIR $INSTALL_DIR
# HOME comes from the base image's environment: unknown here.
WORKDIR ${HOME}/work
ARG BASE
WORKDIR ${BASE}/service
ENV APP_HOME=/srv/app
WORKDIR $APP_HOME
