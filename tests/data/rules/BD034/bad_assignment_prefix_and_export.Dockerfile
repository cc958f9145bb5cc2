FROM node:20-slim
#! BD034
RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm install
#! BD034
RUN export PYTHONHTTPSVERIFY=0 && python3 fetch.py
#! BD034
RUN env GIT_SSL_NO_VERIFY=1 git clone https://git.internal/app.git
