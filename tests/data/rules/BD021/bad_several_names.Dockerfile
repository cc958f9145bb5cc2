FROM alpine:3.20
#! BD021
ARG AWS_ACCESS_KEY_ID
#! BD021
ARG AWS_SECRET_ACCESS_KEY
RUN aws s3 cp s3://bucket/file /tmp/file
