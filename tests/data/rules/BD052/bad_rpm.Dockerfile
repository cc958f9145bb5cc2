FROM rockylinux:9 AS base
#! BD052
RUN yum install -y httpd
#! BD052
RUN dnf -y install gcc && dnf clean packages
#! BD052
RUN microdnf install -y shadow-utils

FROM base
#! BD052
RUN zypper -n install curl
