FROM opensuse/leap:15.6
#! BD035
RUN zypper --no-gpg-checks install -y acme-agent
