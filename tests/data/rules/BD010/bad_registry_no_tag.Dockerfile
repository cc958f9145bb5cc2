#! BD010
FROM ghcr.io/acme/base-image AS base
RUN echo base

FROM base
