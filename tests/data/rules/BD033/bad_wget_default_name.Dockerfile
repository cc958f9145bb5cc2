FROM alpine:3.20
#! BD033
RUN wget https://github.com/acme/tool/releases/download/v1.0/tool.zip && unzip tool.zip -d /opt
