FROM golang:1.22 AS build
RUN useradd -u 10001 builder
USER builder
WORKDIR /src
COPY . .
RUN go build -o /out/server ./cmd/server

# The runtime stage forgets the USER of the build stage.
#! BD001
FROM debian:12-slim
COPY --from=build /out/server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
