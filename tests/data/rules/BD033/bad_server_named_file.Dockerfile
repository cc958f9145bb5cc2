FROM alpine:3.20
# With curl -O -J and wget --content-disposition the server's Content-Disposition header names the
# file: the check cannot name it, the URL's name is only what it falls back to.
#! BD033
#! fix echo "<sha256>  <file>" | sha256sum -c -   (after the download, before using it; <file> is the name the server gives, tool.tgz if it gives none)
#! message curl downloads https://example.com/download/tool.tgz to a file the server names (tool.tgz if it names none)
RUN curl -fsSLOJ https://example.com/download/tool.tgz && tar -C /opt -xzf tool.tgz
#! BD033
#! fix echo "<sha256>  <file>" | sha256sum -c -   (after the download, before using it; <file> is the name the server gives, /tmp/tool.tgz if it gives none)
RUN wget -q --content-disposition -P /tmp https://example.com/download/tool.tgz && tar -C /opt -xzf /tmp/tool.tgz
# -o names the file: curl's -J only changes what -O writes.
#! BD033
#! fix echo "<sha256>  /usr/local/bin/tool" | sha256sum -c -   (after the download, before using /usr/local/bin/tool)
RUN curl -LJ https://example.com/download/tool -o /usr/local/bin/tool && chmod +x /usr/local/bin/tool
