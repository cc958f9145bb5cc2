FROM ubuntu:22.04
# Installing the sudo package and configuring sudoers is not running sudo.
RUN apt-get update \
 && apt-get install -y --no-install-recommends sudo \
 && echo "app ALL=(ALL) NOPASSWD: /usr/bin/apt-get" > /etc/sudoers.d/app \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home app
USER root
RUN chown -R app /opt
USER app
# "sudo" as text only
RUN echo "do not use sudo here" && grep -q sudo /etc/group
CMD ["sudo", "-l"]
