#! BD010
FROM golang AS build
RUN go build -o /app .

FROM debian:12-slim
COPY --from=build /app /app
