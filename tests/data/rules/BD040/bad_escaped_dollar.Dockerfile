FROM debian:12-slim
ARG PACKAGES="curl git"
RUN useradd --create-home app
USER app
# The author escaped `$p` for the inner shell and lets the outer one expand `$PACKAGES` and
# `$(id -un)`: the fix keeps the one literal and the others expanding.
#! BD040
#! fix sh -c "for p in $PACKAGES; do apt-get install -y \$p; done; echo \"$(id -un)\" > /tmp/who"
RUN sudo sh -c "for p in $PACKAGES; do apt-get install -y \$p; done; echo \"$(id -un)\" > /tmp/who"
