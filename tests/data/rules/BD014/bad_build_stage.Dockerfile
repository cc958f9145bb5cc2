#! BD014
FROM --platform=linux/arm64 golang:1.22 AS build
RUN go build -o /app .

FROM debian:12-slim
COPY --from=build /app /app
