FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /app .

#! BD001
FROM scratch
COPY --from=build /app /app
ENTRYPOINT ["/app"]
