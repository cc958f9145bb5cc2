FROM debian:12-slim
#! BD036
RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && wget -qO /tmp/b.tgz https://example.com/b.tgz
