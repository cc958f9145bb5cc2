#! allowed-image python:3.12-slim
#! BD018
FROM python:3.11-slim
