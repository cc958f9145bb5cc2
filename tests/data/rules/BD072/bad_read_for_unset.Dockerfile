FROM debian:12-slim
ARG SRC_DIR=/tmp/build
# `read`, `for` and `unset` give the variable a value of the RUN's own: not the ARG's /tmp/build,
# the directory the RUN removes, so the cd is not into a temporary directory.
#! BD072
#! message 'cd $SRC_DIR'
RUN read -r SRC_DIR < /etc/src-dir && cd "$SRC_DIR" && make install && rm -rf /tmp/build
#! BD072
RUN for SRC_DIR in /opt/a /opt/b; do make -C "$SRC_DIR"; done; cd "$SRC_DIR" && make check && rm -rf /tmp/build
#! BD072
#! message 'cd ${SRC_DIR:-/opt/src}'
RUN unset SRC_DIR; cd "${SRC_DIR:-/opt/src}" && make && rm -rf /tmp/build
