FROM alpine:3.20
RUN wget -qO /tmp/a.tgz https://example.com/a.tgz
RUN tar -xzf /tmp/a.tgz -C /opt
#! BD036
RUN curl -fsSL https://example.com/b.sh -o /tmp/b.sh
