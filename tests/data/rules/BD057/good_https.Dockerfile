FROM python:3.12-slim
ENV PIP_INDEX_URL=https://pypi.internal.example/simple
RUN echo "deb https://apt.example.com/debian bookworm main" > /etc/apt/sources.list.d/example.list
RUN pip install --no-cache-dir --index-url https://pypi.example.com/simple flask==3.0.3
RUN pip install --no-cache-dir --index-url http://localhost:3141/root/pypi/+simple/ httpx==0.27.0
RUN npm config set registry https://registry.npmjs.org/
RUN curl -fsSL https://example.com/install.sh -o /tmp/install.sh
RUN echo "see http://example.com for docs" > /README
