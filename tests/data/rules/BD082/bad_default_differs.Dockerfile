FROM debian:12-slim
# The fallback is not the value this ENV sets: PATH gets /usr/local/bin, not /opt/app/bin.
#! BD082
ENV APP_HOME=/opt/app PATH=${APP_HOME:-/usr/local}/bin:$PATH
# ${X:+...} is empty while X is unset.
#! BD082
ENV DEBUG=1 FLAGS=${DEBUG:+--verbose}
