# Fixes that paste a URL or a file name quote it for the shell when it needs quoting.
FROM debian:12-slim AS query
RUN curl -fsSLo /tmp/a https://example.com/a
# '?' and '&' (quoted in the RUN): the URL and the name wget takes from it stay one word each.
#! BD036
#! fix curl -fsSLo 'get?a=1&b=2' 'https://example.com/get?a=1&b=2'
RUN wget -q "https://example.com/get?a=1&b=2"

FROM debian:12-slim AS variable
RUN curl -fsSLo /tmp/a https://example.com/a
# A variable the author wrote stays expandable: double quotes, not single.
#! BD036
#! fix curl -fsSL "https://example.com/dl?v=${V}&os=linux"
RUN wget -qO- "https://example.com/dl?v=${V}&os=linux" > /tmp/b

FROM debian:12-slim AS apostrophe
RUN curl -fsSLo /tmp/a https://example.com/a
# A ' in the file name is written '\''.
#! BD036
#! fix curl -fsSLo '/tmp/it'\''s here.tgz' https://example.com/a.tgz
RUN wget -qO "/tmp/it's here.tgz" https://example.com/a.tgz

FROM debian:12-slim AS home
RUN wget -qO /tmp/a https://example.com/a
#! BD036
#! fix wget -qO "$HOME/my file" https://example.com/b
RUN curl -fsSLo "$HOME/my file" https://example.com/b

FROM debian:12-slim
COPY --from=query /tmp/a /opt/a
COPY --from=variable /tmp/a /opt/b
COPY --from=apostrophe /tmp/a /opt/c
COPY --from=home /tmp/a /opt/d
