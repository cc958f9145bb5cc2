FROM node:20-slim
# The fix is a RUN that is valid sh (the placeholder quoted), then what else to do.
#! BD021
#! fix RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN '<command>'   (in place of ARG NPM_TOKEN; build with docker build --secret id=npm_token,env=NPM_TOKEN)
ARG NPM_TOKEN
RUN npm ci
