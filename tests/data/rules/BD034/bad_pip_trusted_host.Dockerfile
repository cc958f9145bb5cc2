FROM python:3.12-slim
#! BD034
RUN pip install --trusted-host pypi.corp.example -i https://pypi.corp.example/simple app
#! BD034
RUN python3 -m pip install --trusted-host=files.pythonhosted.org requests
#! BD034
RUN pip config set global.trusted-host pypi.corp.example
