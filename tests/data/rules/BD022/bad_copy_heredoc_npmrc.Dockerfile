# syntax=docker/dockerfile:1
FROM node:20-slim
COPY <<EOF /root/.npmrc
#! BD022
//registry.npmjs.org/:_authToken=npm_84iqh4gVJjrsMnTvnRO2qGFq562dfOB1rcav
EOF
RUN npm ci
