FROM rockylinux:9
#! BD034
RUN echo "sslverify=0" >> /etc/yum.conf
#! BD034
RUN dnf --setopt=sslverify=false install -y nginx
