FROM node:20-slim
WORKDIR /app
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
RUN --mount=type=secret,id=token \
    export TOKEN=$(cat /run/secrets/token) \
 && curl -fsSL -H "Authorization: Bearer $TOKEN" https://api.example.com/artifact > /app/artifact.tgz \
 && tar -xzf /app/artifact.tgz
RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc /root/.npmrc && npm ci && rm -f /root/.npmrc
RUN --mount=type=secret,id=pw --mount=type=tmpfs,target=/scratch cat /run/secrets/pw > /scratch/pw && ./use /scratch/pw
RUN --mount=type=secret,id=gh git config --global url."https://$(cat /run/secrets/gh)@github.com/".insteadOf "https://github.com/" \
 && go mod download \
 && git config --global --unset url."https://$(cat /run/secrets/gh)@github.com/".insteadOf
RUN cat /run/secrets/not-mounted > /tmp/x
RUN --mount=type=secret,id=x cat /run/secrets/x > /dev/null
