FROM debian:12-slim
# ${X:-v} where the same ENV sets X to v: the expansion gives v whether X is set yet or not.
ENV APP_HOME=/opt/app PATH=${APP_HOME:-/opt/app}/bin:$PATH
ARG BASE=/srv
ENV DATA_DIR=$BASE/data CACHE_DIR=${DATA_DIR:-$BASE/data}/cache
ENV LANG=C.UTF-8 LC_ALL="${LANG-C.UTF-8}"
