FROM alpine:3.20
#! BD072
RUN ["/bin/sh", "-c", "cd /tmp && wget -q https://example.com/x.tgz && tar xzf x.tgz"]
