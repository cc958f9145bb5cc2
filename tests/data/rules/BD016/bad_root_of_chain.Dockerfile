#! BD016
FROM debian:12 AS base
RUN echo base

FROM base
