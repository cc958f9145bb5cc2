FROM debian:12-slim
# Producers that only print (echo, printf with %s/%b/%c) fail only when the reader has exited, so the
# pipeline's status is the reader's with or without pipefail: sha256sum -c fails the RUN itself.
RUN curl -fsSLo tool.tar.gz https://example.com/tool.tar.gz \
 && echo "$TOOL_SHA256  tool.tar.gz" | sha256sum -c - \
 && echo "${TOOL_SHA512} *tool.tar.gz" | sha512sum -c \
 && echo "$TOOL_MD5  tool.tar.gz" | md5sum --check --strict -
RUN printf '%s  %s\n' "$SHA256" tool.tar.gz | sha256sum -c -
RUN printf "\n" | pecl install redis
RUN echo -e "[repo]\nbaseurl=$URL" | tee /etc/yum.repos.d/example.repo
RUN { \
      echo '<Directory /var/www/>'; \
      printf '  %s\n' 'AllowOverride All'; \
      echo '</Directory>'; \
    } | tee /etc/apache2/conf-available/app.conf \
 && a2enconf app
