FROM ubuntu:24.04
#! BD034
RUN ["curl", "-k", "-o", "/tmp/x", "https://internal.example.com/x"]
#! BD034
RUN sudo wget --no-check-certificate https://internal.example.com/y
