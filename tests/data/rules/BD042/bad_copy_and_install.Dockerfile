# syntax=docker/dockerfile:1
FROM alpine:3.20
#! BD042
COPY --chmod=4755 suid-helper /usr/local/bin/suid-helper
#! BD042
RUN install -m 6755 tool /usr/local/sbin/tool
#! BD042
RUN chmod 2755 /usr/local/bin/mailer
#! BD042
RUN chmod g+s /usr/sbin/sendmail-wrapper
#! BD042
RUN ["chmod", "4755", "/usr/bin/vim.basic"]
RUN <<EOF
set -e
#! BD042
chmod u+s /usr/bin/find
EOF
USER nobody
