FROM golang:1.22 AS build
WORKDIR /usr
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM scratch
WORKDIR /
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
