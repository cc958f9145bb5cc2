# A base-layer image built on a scratch stage: nothing runs until an image built FROM it says what.
FROM scratch AS rootfs
ADD rootfs.tar.xz /

FROM rootfs
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
