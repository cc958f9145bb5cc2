FROM ubuntu:24.04
#! BD032
RUN wget -qO- https://deb.nodesource.com/setup_20.x | sudo -E bash - && apt-get install -y nodejs
