FROM debian:12-slim
ARG BUILD_DIR=/opt/cache
# After `unset`, ${BUILD_DIR:-/tmp/build} is /tmp/build (not the ARG's /opt/cache), which the RUN
# removes: a temporary directory.
RUN unset BUILD_DIR; mkdir -p /tmp/build && cd "${BUILD_DIR:-/tmp/build}" && make && rm -rf /tmp/build
# `unset -f` removes a function, not the variable.
ENV WORK=/tmp/work
RUN unset -f WORK; mkdir -p /tmp/work && cd "$WORK" && make && rm -rf /tmp/work
