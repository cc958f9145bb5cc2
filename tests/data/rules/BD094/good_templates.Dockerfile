FROM node:20-slim
WORKDIR /app
# The here-document is quoted: ${NPM_TOKEN} stays literal and npm reads the variable at run time.
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN <<EOF
set -e
cat > /app/.npmrc <<'NPMRC'
//registry.npmjs.org/:_authToken=${NPM_TOKEN}
NPMRC
npm ci --omit=dev
EOF
RUN --mount=type=secret,id=db_password,env=DB_PASSWORD sed -i "s/@DB_HOST@/db/" /app/config.yaml
RUN --mount=type=secret,id=token cat /run/secrets/token | sha256sum > /app/token.sha256
RUN --mount=type=secret,id=key install -m 600 /run/secrets/key /root/.ssh/id_ed25519 \
 && git clone git@github.com:example/private.git /src \
 && rm -f /root/.ssh/id_ed25519
