#! trusted-registry registry.corp.example
FROM registry.corp.example/golang:1.22 AS build
FROM build AS test
FROM scratch
