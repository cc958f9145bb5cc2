FROM debian:12-slim
RUN curl -fsSLo /usr/share/app/data.json https://example.com/data.json
RUN curl -fsSL https://example.com/health -o /dev/null
RUN wget -q https://example.com/a.tgz && tar -xzf b.tgz
