FROM alpine:3.20
# wget -x saves under the host and the URL's directories (the host lowercased, a port that is not
# the scheme's kept); -nH drops the host, --cut-dirs the first directories, -P goes first.
#! BD033
#! fix echo "<sha256>  example.com:8443/dl/v1/tool.tgz" | sha256sum -c -   (after the download, before using example.com:8443/dl/v1/tool.tgz)
RUN wget -x https://Example.COM:8443/dl/v1/tool.tgz && tar -C /opt -xzf example.com:8443/dl/v1/tool.tgz
#! BD033
#! fix echo "<sha256>  /tmp/v1/tool.tgz" | sha256sum -c -   (after the download, before using /tmp/v1/tool.tgz)
RUN wget --force-directories -nH --cut-dirs=1 -P /tmp https://example.com/dl/v1/tool.tgz && tar -C /opt -xzf /tmp/v1/tool.tgz
# -r makes the directories too, unless -nd.
#! BD033
#! fix echo "<sha256>  example.com/dl/tool.tgz" | sha256sum -c -   (after the download, before using example.com/dl/tool.tgz)
RUN wget -r -l1 https://example.com/dl/tool.tgz && tar -C /opt -xzf example.com/dl/tool.tgz
#! BD033
#! fix echo "<sha256>  tool.tgz" | sha256sum -c -   (after the download, before using tool.tgz)
RUN wget -r -nd https://example.com/dl/tool.tgz && tar -C /opt -xzf tool.tgz
