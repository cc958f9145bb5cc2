FROM rockylinux:9
#! BD035
RUN cat > /etc/yum.repos.d/acme.repo <<'EOF' && dnf install -y acme-agent
[acme]
name=Acme
baseurl=https://repo.example.com/el9/
enabled=1
gpgcheck=0
EOF
