FROM alpine:3.20
# The RUN gives the variable its own value: the ARG default is not the URL wget fetches.
ARG TOOL_URL=https://github.com/acme/tool/releases/download/v1.0/tool-1.0.tgz
RUN TOOL_URL=https://example.com/other.tgz; wget -q $TOOL_URL && tar -C /opt -xzf tool-1.0.tgz
# No value is known (an ARG without default): the name is not guessed.
ARG AGENT_URL
RUN wget -q "$AGENT_URL" && unzip agent.zip -d /opt
# A loop gives the variable its values.
ARG PKG=https://example.com/a.tgz
RUN for PKG in https://example.com/b.tgz; do wget -q $PKG; done && tar -xzf a.tgz
# A later use spelled through a variable the RUN sets itself, or one with no known value.
ENV TOOL_FILE=tool-1.0.tgz
RUN TOOL_FILE=other.tgz; wget -q $TOOL_URL && tar -xzf $TOOL_FILE
RUN wget -q $TOOL_URL && tar -xzf "$(basename $AGENT_URL)"
# wget -x of a URL with no known value: the directories are not guessed.
RUN wget -qx "$AGENT_URL" && tar -xzf "$(basename $AGENT_URL)"
