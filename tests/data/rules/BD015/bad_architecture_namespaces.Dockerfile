# Docker Hub's architecture namespaces hold the official image's tags for one architecture: the
# same replacement, in the same namespace, where the supported release is built for it.
#! BD015
#! fix FROM arm32v7/debian:trixie AS armv7
FROM arm32v7/debian:stretch AS armv7

#! BD015
#! fix FROM arm32v7/debian:trixie-slim AS slim
FROM arm32v7/debian:buster-slim AS slim

# A release number is read as in the library image.
#! BD015
#! fix FROM amd64/debian:trixie AS number
FROM amd64/debian:10 AS number

#! BD015
#! fix FROM arm64v8/ubuntu:24.04 AS arm64
FROM arm64v8/ubuntu:18.04 AS arm64

#! BD015
#! fix FROM arm32v6/alpine:3.23 AS armv6
FROM arm32v6/alpine:3.9 AS armv6

# Ubuntu 24.04 has no i386 image, Debian 13 no mips64le one: no tag is named.
#! BD015
#! fix
#! message i386/ubuntu has no 24.04 (noble) image
FROM i386/ubuntu:18.04 AS i386

#! BD015
#! fix
#! message mips64le/debian has no 13 (trixie) image
FROM mips64le/debian:buster AS mips

#! BD015
#! fix FROM arm64v8/rust:1-trixie AS rust
FROM arm64v8/rust:1-bullseye AS rust

#! BD015
#! fix FROM s390x/buildpack-deps:trixie-curl
FROM s390x/buildpack-deps:buster-curl
