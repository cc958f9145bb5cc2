FROM alpine:3.20
# wget -x of a URL held in a variable: the directories its ARG value gives (host lowercased).
ARG DIST_URL=https://Example.COM/dl/v1/tool.tgz
#! BD033
#! fix echo "<sha256>  example.com/dl/v1/tool.tgz" | sha256sum -c -   (after the download, before using example.com/dl/v1/tool.tgz)
RUN wget -x $DIST_URL && tar -C /opt -xzf example.com/dl/v1/tool.tgz
# -nH, --cut-dirs and -P as for a URL written out.
#! BD033
#! fix echo "<sha256>  /tmp/v1/tool.tgz" | sha256sum -c -   (after the download, before using /tmp/v1/tool.tgz)
RUN wget -x -nH --cut-dirs=1 -P /tmp "$DIST_URL" && tar -C /opt -xzf /tmp/v1/tool.tgz
