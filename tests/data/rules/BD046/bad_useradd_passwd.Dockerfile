FROM rockylinux:9
#! BD046
RUN useradd -m -p "$(openssl passwd -1 secret)" deploy
#! BD046
RUN usermod --password 'x7Yq' root
#! BD046
RUN echo 'changeme' | passwd --stdin deploy
#! BD046
RUN passwd -d root
USER deploy
