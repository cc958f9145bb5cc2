ARG RUN_AS=root
FROM python:3.12-slim
ARG RUN_AS
#! BD002
USER ${RUN_AS}
CMD ["python", "-m", "http.server"]
