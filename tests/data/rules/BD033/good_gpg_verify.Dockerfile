FROM debian:12-slim
RUN curl -fsSLO https://downloads.example.com/tool-1.0.tar.gz \
 && curl -fsSLO https://downloads.example.com/tool-1.0.tar.gz.asc \
 && gpg --batch --verify tool-1.0.tar.gz.asc tool-1.0.tar.gz \
 && tar -xzf tool-1.0.tar.gz
