FROM python:3.12-slim
RUN curl -fsSL https://api.github.com/repos/acme/app/releases/latest | python3 -c "import json,sys; print(json.load(sys.stdin)['tag_name'])"
RUN VERSION="$(curl -fsSL https://example.com/version.txt)" && echo "$VERSION"
RUN echo "$(curl -fsSL https://example.com/motd)" > /etc/motd
RUN curl -fsSL https://example.com/install.sh | tee /tmp/install.sh > /dev/null
