FROM rockylinux:9 AS rocky
RUN yum -y install httpd && yum clean all
RUN yum install --assumeyes mod_ssl && yum clean all
RUN dnf install -y gcc && dnf clean all
RUN microdnf install shadow-utils && microdnf clean all

FROM opensuse/leap:15.6 AS suse
RUN zypper --non-interactive install curl && zypper clean --all
RUN zypper -n in git && zypper clean --all
RUN zypper install -y vim && zypper clean --all

FROM alpine:3.20
RUN apk add --no-cache curl
