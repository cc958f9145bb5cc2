FROM alpine:3.20 AS alpine-stage
#! BD053
RUN apk update
RUN apk add --no-cache curl

FROM centos:7 AS centos-stage
#! BD053
RUN yum makecache fast
RUN yum install -y httpd && yum clean all

FROM opensuse/leap:15.6
RUN set -e; \
#! BD053
    zypper --non-interactive refresh; \
    echo done
