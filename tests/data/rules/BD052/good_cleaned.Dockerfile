FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
 && apt-get install -y --no-install-recommends git \
 && apt-get clean \
 && rm -rf /var/cache/apt/archives /var/lib/apt/lists
RUN apt-get update && apt-get install -y --no-install-recommends make && apt-get dist-clean
# install from lists an earlier step left behind: no update here
RUN apt-get install -y --no-install-recommends vim-tiny
RUN pip install --no-cache-dir flask==3.0.3
RUN PIP_NO_CACHE_DIR=1 pip3 install gunicorn==22.0.0
RUN pip install requests==2.32.3 && rm -rf /root/.cache/pip
RUN pip install httpx==0.27.0 && pip cache purge
RUN yarn install --frozen-lockfile && yarn cache clean
RUN env PIP_NO_CACHE_DIR=1 pip install --upgrade setuptools==70.0.0
