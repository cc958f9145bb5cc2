FROM rockylinux:9
#! BD044
RUN yum install -y openssh-server-8.7p1 && yum clean all
#! BD044
RUN sudo dnf -y install dropbear && dnf clean all
#! BD044
RUN zypper --non-interactive install openssh-server && zypper clean --all
