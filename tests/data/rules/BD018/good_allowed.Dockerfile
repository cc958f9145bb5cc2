#! allowed-image debian:12*
#! allowed-image gcr.io/distroless/*
FROM debian:12-slim AS build
FROM gcr.io/distroless/base-debian12:nonroot
