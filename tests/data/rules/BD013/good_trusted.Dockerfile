#! trusted-registry docker.io
#! trusted-registry ghcr.io/myorg
FROM python:3.12-slim AS build
FROM docker.io/library/alpine:3.20 AS tools
FROM ghcr.io/myorg/runtime:1.4
