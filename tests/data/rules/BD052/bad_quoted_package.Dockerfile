FROM python:3.12-slim
# An extra in brackets is a glob to the shell: the corrected command keeps it quoted.
#! BD052
#! fix pip install --no-cache-dir 'requests[security]' flask
RUN pip install 'requests[security]' flask
CMD ["python", "-m", "flask", "run"]
