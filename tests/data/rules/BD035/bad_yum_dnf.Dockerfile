FROM rockylinux:9
#! BD035
RUN yum install -y --nogpgcheck https://repo.example.com/acme-agent.rpm
#! BD035
RUN dnf --setopt=*.gpgcheck=0 install -y nginx
#! BD035
RUN rpm -ivh --nosignature /tmp/acme.rpm
