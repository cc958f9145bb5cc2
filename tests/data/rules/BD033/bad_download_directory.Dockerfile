FROM alpine:3.20
# wget -P saves under the directory: the check names that path.
#! BD033
#! fix echo "<sha256>  /opt/dl/tool.zip" | sha256sum -c -   (after the download, before using /opt/dl/tool.zip)
RUN wget -q -P /opt/dl https://github.com/acme/tool/releases/download/v1.0/tool.zip && unzip /opt/dl/tool.zip -d /opt
#! BD033
#! fix echo "<sha256>  /tmp/dl/tool.tgz" | sha256sum -c -   (after the download, before using /tmp/dl/tool.tgz)
RUN wget --directory-prefix=/tmp/dl/ https://example.com/tool.tgz && tar -C /opt -xzf /tmp/dl/tool.tgz
# -O wins over -P.
#! BD033
#! fix echo "<sha256>  tool.apk.tgz" | sha256sum -c -   (after the download, before using tool.apk.tgz)
RUN wget -P /ignored -O tool.apk.tgz https://example.com/tool.tgz && tar -xzf tool.apk.tgz
# curl --output-dir applies to -O (the URL's name) and to a relative -o.
#! BD033
#! fix echo "<sha256>  /tmp/tool-2.0.tgz" | sha256sum -c -   (after the download, before using /tmp/tool-2.0.tgz)
RUN curl -fsSLO --output-dir /tmp "https://example.com/dl/tool-2.0.tgz?download=1" && tar -C /opt -xzf /tmp/tool-2.0.tgz
#! BD033
#! fix echo "<sha256>  /tmp/x/t.tgz" | sha256sum -c -   (after the download, before using /tmp/x/t.tgz)
RUN curl -fsSL --output-dir /tmp/x -o t.tgz https://example.com/tool.tgz && tar -C /opt -xzf /tmp/x/t.tgz
