FROM python:3.12-slim
WORKDIR /app
#! BD094
RUN --mount=type=secret,id=netrc_pw,env=NETRC_PASSWORD echo "machine example.com password $NETRC_PASSWORD" >> /root/.netrc
RUN --mount=type=secret,id=api \
    API_KEY=$(cat /run/secrets/api) \
 && pip install --no-cache-dir -r requirements.txt \
#! BD094
 && echo "API_KEY=${API_KEY}" > settings.env
