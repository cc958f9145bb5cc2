# syntax=docker/dockerfile:1
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN <<EOF
set -e
#! BD094
cat > /app/.npmrc <<NPMRC
//registry.npmjs.org/:_authToken=${NPM_TOKEN}
NPMRC
npm ci --omit=dev
EOF

FROM deps AS config
#! BD094
RUN --mount=type=secret,id=db_password,env=DB_PASSWORD sed -i "s/@DB_PASSWORD@/${DB_PASSWORD}/" /app/config.yaml
RUN --mount=type=secret,id=api_key \
    export API_KEY="$(cat /run/secrets/api_key)" \
#! BD094
 && envsubst < /app/settings.tpl > /app/settings.json
