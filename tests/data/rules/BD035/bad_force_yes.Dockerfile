FROM ubuntu:24.04
#! BD035
RUN apt-get install -y --force-yes nginx
