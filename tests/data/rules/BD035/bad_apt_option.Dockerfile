FROM debian:12-slim
#! BD035
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y acme-agent
