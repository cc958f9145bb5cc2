FROM alpine:3.20
#! BD034
RUN git config --global http.sslVerify false
#! BD034
RUN git -c http.sslVerify=false clone https://git.internal/acme/app.git
