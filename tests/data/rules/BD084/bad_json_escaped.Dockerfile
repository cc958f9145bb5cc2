FROM debian:12-slim
# SHELL takes a JSON array: a " in the path is escaped for JSON.
#! BD084
#! fix SHELL ["/opt/my\"sh", "-c"]
RUN ln -sf '/opt/my"sh' /bin/sh
