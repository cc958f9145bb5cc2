# Root by name is BD002's finding.
FROM debian:12-slim
USER root
