FROM ubuntu:22.04
ARG BIG_UID=1000680000
ARG UNKNOWN_UID
RUN useradd -l -u 1000680000 -m app
RUN useradd --no-log-init -u "${BIG_UID}" app2
RUN useradd -u 1001 -m web && useradd -m other
RUN useradd -u "${UNKNOWN_UID}" third
RUN useradd -ml -u 424242 fourth
USER app
