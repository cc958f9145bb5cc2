# An explicit USER root is BD002's business, not BD001's.
FROM debian:12-slim
USER root
