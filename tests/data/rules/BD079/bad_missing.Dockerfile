FROM golang:1.22 AS build
WORKDIR /src
COPY . .
HEALTHCHECK CMD ["/bin/true"]
RUN go build -o /out/api ./cmd/api

#! BD079
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/api /api
ENTRYPOINT ["/api"]
