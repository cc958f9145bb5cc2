FROM alpine:3.20 AS a
#! BD054
RUN apk upgrade --no-cache

FROM rockylinux:9 AS r
#! BD054
RUN yum -y update && yum clean all
#! BD054
RUN dnf upgrade -y --refresh && dnf clean all
#! BD054
RUN microdnf update -y && microdnf clean all

FROM opensuse/leap:15.6
#! BD054
RUN zypper -n dup && zypper clean -a
#! BD054
RUN zypper --non-interactive up && zypper clean -a
