FROM golang:1.22 AS builder
WORKDIR /src
COPY . .
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=builder /out/app /usr/local/bin/app
COPY --from=0 /src/go.mod /tmp/
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
COPY --from=gcr.io/distroless/static-debian12 /etc/passwd /etc/passwd
COPY --from=webdevops/toolbox /baselayout/sbin/* /sbin/
ARG UNKNOWN_STAGE
COPY --from=$UNKNOWN_STAGE /x /x
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc true
RUN --mount=type=cache,target=/root/.cache true
