FROM debian:12-slim
# Only files are removed, not the directory.
#! BD072
RUN cd /usr/src/app && make && rm -f /usr/src/app/build.log
# `rm -rf /tmp/*` empties /tmp but keeps it.
#! BD072
RUN cd /tmp && curl -fsSLO https://example.com/x.tgz && tar -xzf x.tgz && rm -rf /tmp/*
# Leaving the temporary directory for another one that stays, followed by commands.
RUN mkdir /tmp/build && cd /tmp/build && make \
#! BD072
 && cd /opt/app && ./install.sh \
 && rm -rf /tmp/build
# The directory is removed before the cd, so not by this RUN after it.
#! BD072
RUN rm -rf /srv/www && mkdir /srv/www && cd /srv/www && git clone https://example.com/site.git .
# A group on the RUN's shell level is not a subshell: the cd lasts.
#! BD072
RUN { cd /srv && make; } && make install
