# An artifact-export stage (docker build --output): FROM scratch, no CMD or ENTRYPOINT, so no
# process runs for a health check to probe.
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM scratch AS export
COPY --from=build /out/app /
