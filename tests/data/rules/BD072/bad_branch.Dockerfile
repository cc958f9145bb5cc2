FROM debian:12-slim
# `cd dir || exit 1` is the usual guard: the cd itself runs on every path.
#! BD072
#! fix WORKDIR /opt/tool
RUN cd /opt/tool || exit 1; make install
# A cd after the branches runs on every path.
RUN if [ -n "$DEBUG" ]; then cd /usr/src/debug; fi \
#! BD072
#! fix WORKDIR /usr/src/app
 && cd /usr/src/app && make
#! BD072
RUN [ -d /srv/app ] || mkdir -p /srv/app; cd /srv/app && make
# The variable names another directory by the time it is removed.
#! BD072
RUN SRC=/usr/src/app && cd "$SRC" && make install && SRC=/usr/src/cache && rm -rf "$SRC"
# A test that ends the RUN asserts: if it is false, the build fails; the cd runs on every build.
#! BD072
RUN [ -d /opt/src ] && cd /opt/src && make install
RUN wget -O /tmp/tool.tgz https://example.com/tool.tgz && test -s /tmp/tool.tgz \
 && tar -xzf /tmp/tool.tgz -C /opt \
#! BD072
 && cd /opt/tool && ./install.sh
