FROM alpine:3.20
RUN addgroup -S svc && adduser -S -G svc svc
#! BD003
USER svc:svc
