FROM ubuntu:24.04 AS base
RUN useradd -u 1000 app
USER app
RUN echo building
#! BD002
USER root

FROM base
CMD ["bash"]
