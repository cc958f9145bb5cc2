FROM alpine:3.20
# --allow-untrusted is global: apk also takes repository indexes without a trusted signature, so the
# repository packages of the command are not verified. The fix installs them first, without it.
#! BD035
#! fix apk add --no-cache unixodbc-dev && apk add --no-cache --allow-untrusted tool.apk
RUN gpg --verify tool.apk.sig tool.apk && apk add --no-cache --allow-untrusted tool.apk unixodbc-dev
# A virtual package stays with the repository packages (a second `-t .deps` would redefine it).
#! BD035
#! fix apk add -t .deps gcc musl-dev && apk add --allow-untrusted /tmp/tool.apk
RUN set -e; gpgv --keyring /k.gpg /tmp/tool.apk.sig /tmp/tool.apk; apk add -t .deps --allow-untrusted gcc /tmp/tool.apk musl-dev
