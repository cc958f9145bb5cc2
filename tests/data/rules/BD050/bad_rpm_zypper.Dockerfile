FROM centos:7 AS centos
#! BD050
RUN yum install httpd && yum clean all
#! BD050
RUN yum groupinstall "Development Tools" && yum clean all

FROM fedora:40 AS fedora
#! BD050
RUN dnf --setopt=install_weak_deps=False install gcc && dnf clean all

FROM opensuse/leap:15.6
RUN zypper refresh \
#! BD050
 && zypper install curl \
 && zypper clean --all
