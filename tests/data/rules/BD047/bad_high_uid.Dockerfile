FROM ubuntu:22.04
#! BD047
RUN useradd -u 1000680000 -m app
RUN groupadd -g 200000 svc \
#! BD047
 && useradd --uid=200000 -g svc -s /sbin/nologin svc
USER app
