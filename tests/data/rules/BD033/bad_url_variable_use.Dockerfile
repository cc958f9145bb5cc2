FROM alpine:3.20
ARG TOOL_URL=https://github.com/acme/tool/releases/download/v1.0/tool-1.0.tgz
# The later use spells the file through the URL's variable: what `basename` prints of its value.
#! BD033
#! fix echo "<sha256>  tool-1.0.tgz" | sha256sum -c -   (after the download, before using tool-1.0.tgz)
RUN wget -q $TOOL_URL && tar -C /opt -xzf "$(basename $TOOL_URL)"
# Its value with the directories cut off.
#! BD033
RUN curl -fsSLO "$TOOL_URL" && tar -C /opt -xzf "${TOOL_URL##*/}"
# Backquotes, and a suffix taken off and written again.
#! BD033
RUN wget -q $TOOL_URL && tar -C /opt -xzf `basename "$TOOL_URL" .tgz`.tgz
# A name the Dockerfile gives in another variable.
ENV TOOL_FILE=tool-1.0.tgz
#! BD033
RUN wget -q -P /tmp $TOOL_URL && tar -C /opt -xzf /tmp/$TOOL_FILE
