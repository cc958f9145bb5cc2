FROM debian:12-slim
#! BD035
RUN echo "deb [trusted=yes] http://apt.example.com/ stable main" > /etc/apt/sources.list.d/acme.list \
 && apt-get update && apt-get install -y acme-agent
