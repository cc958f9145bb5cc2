#! BD014
FROM --platform=linux/amd64 debian:12-slim
RUN echo hi
