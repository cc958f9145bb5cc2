FROM debian:12-slim
# The corrected RUN extracts the downloaded file with every option of the original tar.
#! BD033
#! fix curl -fsSL https://nodejs.org/dist/v20.15.0/node-v20.15.0-linux-x64.tar.xz -o /tmp/node-v20.15.0-linux-x64.tar.xz && echo "<sha256>  /tmp/node-v20.15.0-linux-x64.tar.xz" | sha256sum -c - && tar -xJf /tmp/node-v20.15.0-linux-x64.tar.xz -C /usr/local --strip-components=1 --no-same-owner && rm /tmp/node-v20.15.0-linux-x64.tar.xz
RUN curl -fsSL https://nodejs.org/dist/v20.15.0/node-v20.15.0-linux-x64.tar.xz | tar -xJ -C /usr/local --strip-components=1 --no-same-owner
# wget's -O- becomes -O <file>; `tar xzf -` reads the file instead of stdin.
#! BD033
#! fix wget -qO /tmp/helm-v3.15.2-linux-amd64.tar.gz https://get.helm.sh/helm-v3.15.2-linux-amd64.tar.gz && echo "<sha256>  /tmp/helm-v3.15.2-linux-amd64.tar.gz" | sha256sum -c - && tar xzf /tmp/helm-v3.15.2-linux-amd64.tar.gz -C /usr/local/bin --strip-components=1 linux-amd64/helm && rm /tmp/helm-v3.15.2-linux-amd64.tar.gz
RUN wget -qO- https://get.helm.sh/helm-v3.15.2-linux-amd64.tar.gz | tar xzf - -C /usr/local/bin --strip-components=1 linux-amd64/helm
# A decompressor reads the file; the rest of the pipeline stays.
#! BD033
#! fix curl -sSL https://example.com/dist/tool-1.2.tar.gz -o /tmp/tool-1.2.tar.gz && echo "<sha256>  /tmp/tool-1.2.tar.gz" | sha256sum -c - && gunzip < /tmp/tool-1.2.tar.gz | tar --extract --directory /opt/tool --strip-components 1 && rm /tmp/tool-1.2.tar.gz
RUN curl -sSL https://example.com/dist/tool-1.2.tar.gz | gunzip | tar --extract --directory /opt/tool --strip-components 1
