FROM debian:12-slim AS mirror
ARG MIRROR=https://download.example.com/client/
ARG VERSION=21.1
RUN curl -fsSLo /tmp/a https://example.com/a
# wget names the file after the URL, whose last path component is in the variable's value: curl is
# told to do the same (-O) rather than given a guessed name.
#! BD036
#! fix curl -fsSLO ${MIRROR}client-${VERSION}.zip
RUN wget ${MIRROR}client-${VERSION}.zip

FROM debian:12-slim AS prefix
ARG DATA_URL=https://cdn.example.com/db/City.mmdb.gz
RUN curl -fsSLo /tmp/a https://example.com/a
#! BD036
#! fix curl -fsSLO --create-dirs --output-dir data ${DATA_URL}
RUN wget -P data ${DATA_URL}

FROM debian:12-slim AS curl_first
ARG URL=https://example.com/tool.tgz
RUN wget -qO /tmp/a https://example.com/a
#! BD036
#! fix wget -q -P /opt $URL
RUN curl -fsSLO --output-dir /opt "$URL"

FROM debian:12-slim AS dirs
ARG DIST_URL=https://example.com/dl/v1/tool.tgz
RUN curl -fsSLo /tmp/a https://example.com/a
# wget -x: curl is told the path the directories make, from the ARG's value or in words.
#! BD036
#! fix curl -fsSLo example.com/dl/v1/tool.tgz --create-dirs $DIST_URL
RUN wget -x $DIST_URL

FROM debian:12-slim AS dirs_unknown
ARG OTHER_URL
RUN curl -fsSLo /tmp/a https://example.com/a
#! BD036
#! fix curl -fsSLo '<host>/<path>' --create-dirs $OTHER_URL
RUN wget -x $OTHER_URL

FROM debian:12-slim
COPY --from=dirs /tmp/a /opt/d
COPY --from=dirs_unknown /tmp/a /opt/e
COPY --from=mirror /tmp/a /opt/a
COPY --from=prefix /tmp/a /opt/b
COPY --from=curl_first /tmp/a /opt/c
