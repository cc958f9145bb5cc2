ARG TOOLS=/usr/local
FROM debian:12-slim
ARG STATE_DIR=/sys/fs/cgroup/app
#! BD071
WORKDIR ${STATE_DIR}
RUN touch state
#! BD071
VOLUME /dev/shm \
       /data
