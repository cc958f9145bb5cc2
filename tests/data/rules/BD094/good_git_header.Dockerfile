FROM alpine/git:2.45
RUN --mount=type=secret,id=gh,env=GH_TOKEN \
    git -c http.extraHeader="Authorization: Bearer ${GH_TOKEN}" clone https://github.com/example/private.git /src
