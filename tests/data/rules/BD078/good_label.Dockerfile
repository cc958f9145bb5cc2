FROM ubuntu:24.04
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
# MAINTAINER Jane Doe (a comment is fine)
