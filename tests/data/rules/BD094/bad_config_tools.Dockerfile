FROM golang:1.22
WORKDIR /src
#! BD094
RUN --mount=type=secret,id=gh_token git config --global url."https://$(cat /run/secrets/gh_token)@github.com/".insteadOf "https://github.com/" \
 && go mod download
#! BD094
RUN --mount=type=secret,id=registry_pw cat /run/secrets/registry_pw | docker login -u ci --password-stdin registry.example.com
