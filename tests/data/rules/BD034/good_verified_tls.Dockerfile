FROM node:20-slim
COPY corp-ca.crt /usr/local/share/ca-certificates/
RUN update-ca-certificates
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
RUN curl -fsSL -H "X-k: 1" https://example.com/app.tgz -o /tmp/app.tgz
RUN npm config set strict-ssl true && git config --global http.sslVerify true
RUN pip install --index-url https://pypi.corp.example/simple app
