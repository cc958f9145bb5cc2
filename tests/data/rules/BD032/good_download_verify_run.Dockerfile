FROM debian:12-slim
RUN curl -fsSLo /tmp/install.sh https://get.docker.com \
 && echo "4f282167c3bd8e8d6d6f6bb8bb4d6b3d1d0a9f2c3e4b5a69788c7d6e5f4a3b21  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
