FROM debian:bookworm-slim
ARG USERNAME=builder
RUN groupadd "$USERNAME" && useradd -g "$USERNAME" -m "$USERNAME"
USER builder
RUN set -eux; \
    echo "preparing"; \
    # the next command escalates
#! BD040
    sudo -E make install; \
    if [ -d /opt/tools ]; then \
#! BD040
        sudo chown -R builder /opt/tools; \
    fi
#! BD040
RUN sh -c 'sudo ldconfig'
