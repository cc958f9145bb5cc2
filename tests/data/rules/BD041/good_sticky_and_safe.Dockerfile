FROM php:8.3-apache
# Sticky world-writable directories are the standard pattern for shared scratch space.
RUN mkdir -p /var/www/html/tmp && chmod 1777 /var/www/html/tmp /tmp
RUN chmod -R 1777 /var/tmp && chmod a+t,o+w /run/lock
RUN chmod 755 /usr/local/bin/docker-php-entrypoint \
 && chmod 0644 /etc/apache2/apache2.conf \
 && chmod -R go-w /var/www \
 && chmod u+x,g+x /usr/local/bin/start \
 && chmod +w /var/www/html/index.php \
 && chmod a+rX /usr/share/doc
COPY --chmod=755 start.sh /usr/local/bin/start
RUN echo "chmod 777 is bad" > /NOTES
# Temporary modes undone in the same RUN.
RUN chmod 666 /etc/sudoers && echo "app ALL=(ALL) NOPASSWD: ALL" >> /etc/sudoers && chmod 440 /etc/sudoers
RUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && apt-get download hello && rm -rf "$tempDir"
