#! BD012
FROM golang:1.22 AS build
RUN go build -o /app .

#! BD012
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
