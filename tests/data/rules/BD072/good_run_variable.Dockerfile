FROM debian:12-slim
# A directory named by a variable the RUN set is removed as the directory the variable names.
RUN BUILD_DIR=/usr/src/build; mkdir -p /usr/src/build && cd /usr/src/build && make install && cd / && rm -rf "$BUILD_DIR"
RUN export SRC=/usr/src/tool && git clone https://example.com/tool.git "$SRC" && cd /usr/src/tool && make install && rm -rf "${SRC}"
RUN WORK=/tmp/work && mkdir -p "$WORK" && cd "$WORK" && make && rm -rf /tmp/work
ENV PREFIX=/usr/src
RUN PKG="$PREFIX/pkg-1.0" && cd /usr/src/pkg-1.0 && make install && rm -rf "$PKG"
