ARG BUILDER
FROM ${BUILDER} AS build
FROM build AS test
FROM scratch
