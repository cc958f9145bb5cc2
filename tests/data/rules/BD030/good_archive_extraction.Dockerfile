FROM scratch
ADD rootfs.tar.xz /
ADD vendor.tgz /opt/
