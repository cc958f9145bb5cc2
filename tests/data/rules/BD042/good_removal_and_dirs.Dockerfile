FROM ubuntu:22.04
# Removing the bits is the remediation.
RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true
RUN chmod u-s /usr/bin/passwd && chmod 0755 /usr/bin/chsh
# setgid on a directory only makes new files inherit the group.
RUN mkdir -p /var/www && chmod -R g+s /var/www && chmod 2775 /srv/shared
RUN chmod g+s "${NPM_GLOBAL:-/usr/local/lib/node_modules}"
COPY --chmod=0755 tool /usr/local/bin/tool
USER www-data
