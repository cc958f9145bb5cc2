FROM debian:12-slim
# The file taken from the URL holds a ': each use of it is quoted (in the checksum line's double quotes it is plain).
#! BD033
#! fix curl -fsSL "https://example.com/it's.tgz" -o '/tmp/it'\''s.tgz' && echo "<sha256>  /tmp/it's.tgz" | sha256sum -c - && tar -C /opt -xzf '/tmp/it'\''s.tgz' && rm '/tmp/it'\''s.tgz'
RUN curl -fsSL "https://example.com/it's.tgz" | tar -C /opt -xz
# A literal $ in the -o name must not expand in the checksum line.
#! BD033
#! fix echo "<sha256>  "'/opt/$tool' | sha256sum -c -   (after the download, before using /opt/$tool)
RUN curl -fsSLo '/opt/$tool' https://example.com/tool && chmod +x '/opt/$tool'
