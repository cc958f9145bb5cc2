FROM python:3.12-slim AS base
CMD python app.py

FROM base
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "app.py"]
