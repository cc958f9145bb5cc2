FROM alpine:3.20
# wget keeps the URL's query string in the name it takes from the URL (GNU wget and BusyBox wget
# alike): the file is `tool.tgz?raw=1`.
#! BD033
#! fix echo "<sha256>  tool.tgz?raw=1" | sha256sum -c -   (after the download, before using tool.tgz?raw=1)
RUN wget -q "https://github.com/acme/tool/raw/main/tool.tgz?raw=1" && tar -C /opt -xzf "tool.tgz?raw=1"
# curl -O drops it (curl 7.86.0 and later).
#! BD033
#! fix echo "<sha256>  tool.tgz" | sha256sum -c -   (after the download, before using tool.tgz)
RUN curl -fsSLO "https://github.com/acme/tool/raw/main/tool.tgz?raw=1" && tar -C /opt -xzf tool.tgz
