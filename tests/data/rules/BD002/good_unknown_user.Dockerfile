FROM debian:12-slim
ARG RUN_AS
USER ${RUN_AS}
