FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
#! BD041
RUN chmod 777 /app/uploads
#! BD041
RUN mkdir -p /data && chmod -R 0777 /data
RUN set -eux; \
    touch /app/app.log; \
#! BD041
    chmod 666 /app/app.log
# Only a later mode without o+w on the same path undoes it.
#! BD041
RUN chmod 777 /srv/a /srv/b && chmod 755 /srv/a
USER node
CMD ["node", "server.js"]
