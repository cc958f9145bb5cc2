FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app .
#! BD090
COPY --from=build /out/app /usr/local/bin/app
