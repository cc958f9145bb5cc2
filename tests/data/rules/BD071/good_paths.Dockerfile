FROM postgres:16
VOLUME /var/lib/postgresql/data
WORKDIR /usr/src/app
COPY . .
WORKDIR /
COPY docker-entrypoint.sh .
VOLUME ["/tmp", "/data"]
VOLUME [ "/tmp", "/run", "/data" ]
