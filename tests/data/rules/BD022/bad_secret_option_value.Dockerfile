FROM alpine:3.20
#! BD022
RUN ./deploy --secret s3cr3tValue9 --region eu
