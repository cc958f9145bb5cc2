FROM debian:12-slim
RUN curl -fsSL https://apt.example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/acme.gpg \
 && echo "deb [signed-by=/usr/share/keyrings/acme.gpg] https://apt.example.com/ stable main" > /etc/apt/sources.list.d/acme.list \
 && apt-get update && apt-get install -y --no-install-recommends acme-agent
