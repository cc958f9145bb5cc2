FROM node:20-slim
WORKDIR /app
# The fix is a RUN that is valid sh (the placeholder quoted: `<command>` unquoted is two
# redirections), then what else to do; the source path is quoted for the shell.
#! BD023
#! fix RUN --mount=type=secret,id=npmrc,target=/root/.npmrc '<command>'   (in place of the ADD; build with docker build --secret 'id=npmrc,src=ci creds/.npmrc')
ADD ["ci creds/.npmrc", "/root/"]
#! BD023
#! fix RUN --mount=type=ssh '<command that needs the key>'   (in place of the COPY; build with docker build --ssh default)
COPY id_ed25519 /root/.ssh/id_ed25519
RUN npm ci
