FROM alpine:3.20
ARG TOOL_URL=https://github.com/acme/tool/releases/download/v1.0/tool-1.0.tgz
# The URL is a variable's value: the ARG default gives the name wget saves it under.
#! BD033
#! fix echo "<sha256>  tool-1.0.tgz" | sha256sum -c -   (after the download, before using tool-1.0.tgz)
RUN wget -q $TOOL_URL && tar -C /opt -xzf tool-1.0.tgz
ENV MIRROR=https://downloads.example.com/
# curl -O in --output-dir, the name after a variable prefix.
#! BD033
#! fix echo "<sha256>  /tmp/dl/agent.zip" | sha256sum -c -   (after the download, before using /tmp/dl/agent.zip)
RUN curl -fsSLO --output-dir /tmp/dl "${MIRROR}agent.zip" && unzip /tmp/dl/agent.zip -d /opt
