FROM busybox:1.36
#! BD032
RUN eval "$(busybox wget -qO- https://get.acme.dev/env.sh)"
