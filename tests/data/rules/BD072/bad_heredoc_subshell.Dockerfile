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
#! BD072
RUN (cd /build/extra && make) && rm -rf /build
