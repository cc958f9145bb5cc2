FROM php:8.3-apache
ARG CONF_DIR=/usr/local/etc/php/conf.d
#! BD081
ADD php.ini opcache.ini $CONF_DIR
COPY a.conf \
     b.conf \
#! BD081
     /etc/apache2/sites-available
