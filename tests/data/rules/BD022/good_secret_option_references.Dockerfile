# syntax=docker/dockerfile:1
# The word after the secret option names a secret (BuildKit, docker service, podman); it holds none.
# Build with: docker build --secret id=npmrc,src=.npmrc .
#   or: docker buildx build --secret "type=env,id=token,env=GH_TOKEN" .
#   or: docker service create --secret source=db_pass,target=db_password app
FROM node:20-slim
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
