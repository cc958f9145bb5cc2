FROM debian:12-slim AS query
RUN curl -fsSLo /tmp/a https://example.com/a
# The name wget takes from this URL keeps the query string: quoted for the shell in curl's -o.
#! BD036
#! fix curl -fsSLo 'tool.tgz?raw=1' 'https://example.com/tool.tgz?raw=1'
RUN wget -q https://example.com/tool.tgz?raw=1

FROM debian:12-slim AS dirs
RUN curl -fsSLo /tmp/a https://example.com/a
# wget -P makes the directory; curl -o needs --create-dirs for it.
#! BD036
#! fix curl -fsSLo /opt/dl/tool.tgz --create-dirs https://example.com/tool.tgz
RUN wget -q -P /opt/dl https://example.com/tool.tgz

FROM debian:12-slim AS server
RUN wget -qO /tmp/a https://example.com/a
# The server names the file: the other tool is told to do the same.
#! BD036
#! fix wget -q --content-disposition -P /tmp https://example.com/download/tool.tgz
RUN curl -fsSLOJ --output-dir /tmp https://example.com/download/tool.tgz

FROM debian:12-slim
COPY --from=query /tmp/a /opt/a
COPY --from=dirs /tmp/a /opt/b
COPY --from=server /tmp/a /opt/c
