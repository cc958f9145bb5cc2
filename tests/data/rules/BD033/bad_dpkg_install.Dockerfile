FROM ubuntu:24.04
#! BD033
RUN cd /tmp && curl -fsSLO https://github.com/sharkdp/bat/releases/download/v0.24.0/bat_0.24.0_amd64.deb \
 && dpkg -i bat_0.24.0_amd64.deb
