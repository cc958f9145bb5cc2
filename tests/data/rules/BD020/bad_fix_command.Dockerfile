FROM alpine:3.20
# The fix is a command line that is valid sh (the placeholder quoted: `<command>` unquoted is
# two redirections), then what else to do, in parentheses.
#! BD020
#! fix RUN --mount=type=secret,id=api_token,env=API_TOKEN '<command>'   (for a build step; remove the value from ENV API_TOKEN and provide it at run time: docker run --env-file, Compose or Kubernetes secrets)
ENV API_TOKEN=9f8e7d6c5b4a39281706f5e4d3c2b1a0
#! BD020
#! fix RUN --mount=type=secret,id=db_password,env=DB_PASSWORD '<command>'   (in place of ARG DB_PASSWORD; build with docker build --secret id=db_password,env=DB_PASSWORD)
ARG DB_PASSWORD=Xk29vLq81mZp
RUN echo "$DB_PASSWORD" | wc -c
