FROM debian:bookworm-slim
ARG APP_UID=123456
#! BD047
RUN groupadd -g "${APP_UID}" app && useradd -r -u "${APP_UID}" -g app app
USER app
#! BD047
RUN bash -c "useradd --uid 2000000 --create-home bob"
