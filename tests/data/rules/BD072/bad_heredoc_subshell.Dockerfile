FROM debian:12-slim
WORKDIR /build
RUN <<EOF
set -e
curl -fsSLO https://example.com/pkg-1.0.tar.gz
tar -xzf pkg-1.0.tar.gz
#! BD072
cd pkg-1.0
./configure && make && make install
EOF
# The subshell's cd ends with it; the cd after it is in the RUN's own shell.
RUN (cd /build/extra && make) \
#! BD072
 && cd /build/docs && make html
