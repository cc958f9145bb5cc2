FROM debian:12-slim
WORKDIR /app
# A directory the same RUN removes cannot be a WORKDIR: it would be gone for the next instruction.
RUN mkdir /tmp/build && cd /tmp/build && cmake /app && make install && cd / && rm -rf /tmp/build
RUN git clone https://example.com/tool.git /usr/src/tool \
 && cd /usr/src/tool/src \
 && make && make install \
 && cd .. && cd /app \
 && rm -rf /usr/src/tool
RUN curl -fsSLO https://example.com/pkg-1.0.tar.gz \
 && tar -xzf pkg-1.0.tar.gz \
 && cd pkg-1.0 && ./configure && make install \
 && cd .. \
 && rm -r pkg-1.0 pkg-1.0.tar.gz
RUN tar -xzf /tmp/icu.tgz -C /tmp && cd /tmp/icu/source && make install && rm -rf /tmp/icu*
ENV SRC_DIR=/usr/src/lib
RUN mkdir -p "$SRC_DIR" && cd "${SRC_DIR}" && make && cd /usr/src && rm -rf "$SRC_DIR"
# A directory made by mktemp has a name no WORKDIR can know.
RUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/x.tgz && tar -xzf x.tgz -C /opt
RUN tmp="$(mktemp -d)"; cd "$tmp"; curl -fsSLO https://example.com/y.tgz; tar -xzf y.tgz -C /opt; cd; rm -rf "$tmp"
