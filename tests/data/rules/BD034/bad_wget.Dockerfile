FROM alpine:3.20
#! BD034
RUN wget --no-check-certificate -qO /tmp/app.zip https://internal.example.com/app.zip
