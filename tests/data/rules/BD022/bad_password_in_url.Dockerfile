FROM python:3.12-slim
#! BD022
RUN pip install --index-url https://deploy:s3cr3tP4ss@pypi.acme-corp.io/simple app
