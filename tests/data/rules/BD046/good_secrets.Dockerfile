# syntax=docker/dockerfile:1
FROM debian:bookworm
# Locked accounts and passwords from a build secret are fine.
RUN useradd -m -p '*' svc && usermod -p '!' root
RUN --mount=type=secret,id=rootpw chpasswd < /run/secrets/rootpw
RUN --mount=type=secret,id=pw cat /run/secrets/pw | chpasswd
RUN passwd -l root && passwd -S root
RUN echo "chpasswd is not used here" > /README
USER svc

FROM debian:bookworm AS unshipped
RUN echo 'root:root' | chpasswd
FROM debian:bookworm
RUN useradd -m app
USER app
