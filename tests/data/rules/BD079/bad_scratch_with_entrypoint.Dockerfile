FROM golang:1.22 AS build
RUN CGO_ENABLED=0 go build -o /out/app .

# FROM scratch, but it runs a service: the ENTRYPOINT is inherited from the scratch stage.
FROM scratch AS runtime
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]

#! BD079
FROM runtime
EXPOSE 8080
