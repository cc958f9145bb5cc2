FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends git openssh-client
#! BD023
COPY id_rsa /root/.ssh/id_rsa
RUN git clone git@github.com:acme/private.git /src && rm /root/.ssh/id_rsa
