FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates
#! BD077
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt
RUN set -e \
 && mkdir -p /opt/bin \
#! BD077
 && wget -qO- https://example.com/install.sh \
    | sh -s -- --prefix /opt
RUN { \
#! BD077
      cat /etc/apache2/conf-available/base.conf; \
      echo '<Directory /var/www/>'; \
      echo '  AllowOverride All'; \
      echo '</Directory>'; \
    } | tee /etc/apache2/conf-available/app.conf \
 && a2enconf app
