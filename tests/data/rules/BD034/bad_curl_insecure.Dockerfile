FROM debian:12-slim
#! BD034
RUN curl -fsSLk https://internal.example.com/app.tar.gz -o /tmp/app.tar.gz
#! BD034
RUN curl --insecure -o /tmp/b https://internal.example.com/b
