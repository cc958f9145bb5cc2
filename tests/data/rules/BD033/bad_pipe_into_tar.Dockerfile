FROM debian:12-slim
#! BD033
#! fix curl -fsSL https://go.dev/dl/go1.22.5.linux-amd64.tar.gz -o /tmp/go1.22.5.linux-amd64.tar.gz && echo "<sha256>  /tmp/go1.22.5.linux-amd64.tar.gz" | sha256sum -c - && tar -C /usr/local -xzf /tmp/go1.22.5.linux-amd64.tar.gz && rm /tmp/go1.22.5.linux-amd64.tar.gz
RUN curl -fsSL https://go.dev/dl/go1.22.5.linux-amd64.tar.gz | tar -C /usr/local -xz
