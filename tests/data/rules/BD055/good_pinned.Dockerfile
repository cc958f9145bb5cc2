FROM python:3.12-slim
ARG PACKAGES="curl git"
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 ./local.deb $PACKAGES && rm -rf /var/lib/apt/lists/*
RUN apk add --no-cache curl=8.9.0-r0 bash~5.2 \
 && yum install -y httpd-2.4.57 https://example.com/pkg.rpm \
 && zypper -n in vim=9.1 'less>=590' \
 && dnf -y install @development-tools
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt \
 && pip install --no-cache-dir flask==3.0.3 'uvicorn[standard]>=0.30,<0.31' . ./lib \
 && pip install --no-cache-dir -e . git+https://github.com/org/repo@v1.2.3
RUN npm ci && npm install && npm install -g typescript@5.4.5 @angular/cli@17.3.0 ./pkg.tgz
RUN yarn install --frozen-lockfile && yarn add lodash@4.17.21
RUN gem install bundler -v 2.5.9 && gem install rake:13.2.1 && gem install rails --version '~> 7.1'
RUN go install golang.org/x/tools/gopls@v0.16.1 && go install ./cmd/...
RUN pip install --no-cache-dir --upgrade pip==24.0
