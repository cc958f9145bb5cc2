FROM debian:12-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# pipefail sees the failure of a pipeline element, not of a command inside echo's $(...).
#! BD077
#! message pipefail does not see a failure inside $(...)
#! fix run 'curl' where its failure stops the RUN, then pipe its output: out="$(curl ...)" && echo "$out" | sha256sum (an assignment's status is its substitution's), or pipe it directly if 'echo' prints nothing else: curl ... | sha256sum
RUN echo "$(curl -fsSL https://example.com/tool.sha256)  tool.tar.gz" | sha256sum -c -

FROM debian:12-slim AS second
#! BD077
RUN set -eo pipefail; echo "$(curl -fsSL https://example.com/install.sh)" | bash
#! BD077
RUN ["/bin/bash", "-o", "pipefail", "-c", "printf '%s\\n' \"$(cat /etc/keys)\" | gpg --import"]
