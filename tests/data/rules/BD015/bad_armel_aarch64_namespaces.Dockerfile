# armel/ and aarch64/ are the deprecated names of the ARMv5 and 64-bit ARM namespaces (Docker Hub
# stopped them in 2017): read like arm32v5/ and arm64v8/, and the replacement names those.
#! BD015
#! fix FROM arm32v5/debian:trixie AS armel
FROM armel/debian:jessie AS armel

#! BD015
#! fix FROM arm32v5/buildpack-deps:trixie-curl AS armel_curl
FROM armel/buildpack-deps:jessie-curl AS armel_curl

# Supported releases are not reported.
FROM armel/debian:trixie AS armel_current
FROM aarch64/alpine:3.23 AS aarch64_current

#! BD015
#! fix FROM arm64v8/ubuntu:24.04 AS aarch64
FROM aarch64/ubuntu:xenial AS aarch64

#! BD015
#! fix FROM arm64v8/alpine:3.23 AS aarch64_alpine
FROM aarch64/alpine:3.5 AS aarch64_alpine

#! BD015
#! fix FROM arm64v8/debian:trixie-slim
FROM aarch64/debian:buster-slim
