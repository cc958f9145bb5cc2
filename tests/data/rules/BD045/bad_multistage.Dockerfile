#! target api
ARG API_PORT=8080
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12 AS api
ARG API_PORT
COPY --from=build /out/api /api
#! BD045
EXPOSE ${API_PORT}/tcp 9100-9090
#! BD045
EXPOSE 443:8443/tcp
ENTRYPOINT ["/api"]
