FROM rockylinux:9
RUN printf '[acme]\nbaseurl=https://repo.example.com/\ngpgcheck=1\n' > /etc/yum.repos.d/acme.repo
RUN dnf install -y nginx && rpm -K /tmp/acme.rpm
