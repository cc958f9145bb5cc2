FROM redis:7
ENTRYPOINT ["docker-entrypoint.sh"]
#! BD076
CMD redis-server /usr/local/etc/redis/redis.conf
