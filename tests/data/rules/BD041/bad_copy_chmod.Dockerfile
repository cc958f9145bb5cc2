# syntax=docker/dockerfile:1.7
FROM alpine:3.20
#! BD041
COPY --chmod=777 entrypoint.sh /usr/local/bin/entrypoint.sh
#! BD041
ADD --chmod=0666 config.yaml /etc/app/config.yaml
#! BD041
RUN install -m 0777 -d /var/cache/app && mkdir -p /var/run/app
#! BD041
RUN mkdir --mode=777 /shared
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
