#! build-arg WORKSPACE=workspace
#! target builder
FROM golang:1.22 AS builder
ARG WORKSPACE=/go/src/app
#! BD070
WORKDIR $WORKSPACE
COPY . .
RUN go build -o /out/server ./cmd/server

FROM gcr.io/distroless/static-debian12
COPY --from=builder /out/server /server
ENTRYPOINT ["/server"]
