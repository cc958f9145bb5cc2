FROM debian:12-slim
ENV APP_HOME=/opt/app
ENV PATH=$APP_HOME/bin:$PATH APP_ENV=production
ARG VERSION=1.0
ENV VERSION=$VERSION URL=https://example.com/app-$VERSION.tgz
ENV A=1 B='$A'

FROM debian:12-slim AS child
ENV LANG=C.UTF-8
ENV LC_ALL=$LANG
ENV GO_HOME=/usr/local/go GO_PATH=/usr/local/go/bin:$PATH PATH=/usr/local/go/bin:$PATH
