FROM python:3.12-slim
#! BD057
ENV PIP_INDEX_URL=http://pypi.internal.example/simple
#! BD057
RUN pip install --no-cache-dir --index-url http://pypi.example.com/simple flask==3.0.3
#! BD057
RUN pip install --no-cache-dir -i http://pypi.example.com/simple httpx==0.27.0
#! BD057
RUN npm config set registry http://registry.npmjs.org/
#! BD057
RUN gem sources --add http://rubygems.org/
#! BD057
RUN yum-config-manager --add-repo http://repo.example.com/example.repo
