FROM debian:12-slim
# A raw file at a full commit id cannot change; `sh -n` only checks the syntax.
ENV DIND_COMMIT 8d9e3502aba39127e4d12196dae16d306f76993d
RUN set -eux; \
	wget -O /usr/local/bin/dind "https://github.com/docker/docker/raw/8d9e3502aba39127e4d12196dae16d306f76993d/hack/dind"; \
	sh -n /usr/local/bin/dind; \
	chmod +x /usr/local/bin/dind
