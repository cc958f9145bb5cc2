FROM golang:1.22 AS deps
#! BD021
ARG GITHUB_TOKEN
RUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"

FROM deps AS final
CMD ["app"]
