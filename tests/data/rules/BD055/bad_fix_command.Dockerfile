FROM python:3.12-slim
# The fix is the command line with each unpinned package pinned: the placeholder quoted
# (`curl=<version>` unquoted is a redirection to sh), the options and pinned packages kept.
#! BD055
#! fix apt-get install -y --no-install-recommends 'wget=<version>' curl=7.88.1-10+deb12u5 'libc6:i386=<version>'
RUN apt-get update && apt-get install -y --no-install-recommends wget curl=7.88.1-10+deb12u5 libc6:i386 \
 && rm -rf /var/lib/apt/lists/*
# A pip extra stays with its name.
#! BD055
#! fix pip install --no-cache-dir 'requests[security]==<version>' flask==3.0.3
RUN pip install --no-cache-dir 'requests[security]' flask==3.0.3
#! BD055
#! fix npm install -g 'typescript@<version>'
RUN npm install -g typescript
