FROM python:3.12-slim
#! BD022
LABEL ci.registry-token="glpat-UqGWlG6g3Ot1OGMmjxWk"
RUN pip install app
