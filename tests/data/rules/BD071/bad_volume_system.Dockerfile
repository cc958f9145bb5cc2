FROM mysql:8.4
#! BD071
VOLUME /etc
#! BD071
VOLUME ["/var/lib/mysql", "/var/run/docker.sock"]
RUN echo "[mysqld]" > /etc/mysql/conf.d/local.cnf
