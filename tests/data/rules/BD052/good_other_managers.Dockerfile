FROM rockylinux:9 AS rocky
RUN yum install -y httpd && yum clean all
RUN dnf -y install gcc && dnf clean all
RUN microdnf install -y shadow-utils && microdnf clean all
RUN yum -y install git && rm -rf /var/cache/yum /var/cache/dnf

FROM opensuse/leap:15.6 AS suse
RUN zypper -n install curl && zypper clean --all
RUN zypper -n in git && zypper cc -a

FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk --no-cache add git
RUN apk update && apk add bash && rm -rf /var/cache/apk/*
COPY --from=rocky /etc/os-release /rocky
COPY --from=suse /etc/os-release /suse
RUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1
