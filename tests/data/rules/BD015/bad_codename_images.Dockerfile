# rust and buildpack-deps name their Debian (and buildpack-deps its Ubuntu) release by codename and
# publish the supported ones: the codename is swapped, the rest of the tag kept.
#! BD015
#! fix FROM rust:trixie AS build
FROM rust:buster AS build

#! BD015
#! fix FROM rust:1-slim-trixie AS slim
FROM rust:1-slim-bullseye AS slim

# A pinned Rust minor release keeps the Debian tags it had when it was current: 1.70 had bookworm,
# not trixie. The patch release is dropped (the minor release's tag is its last patch).
#! BD015
#! fix FROM rust:1.70-slim-bookworm AS pinned
FROM rust:1.70.0-slim-buster AS pinned

#! BD015
#! fix FROM rust:1.90-trixie AS recent
FROM rust:1.90-bullseye AS recent

# Rust 1.60 never had a tag on a supported Debian release: no tag is named for it.
#! BD015
#! fix
#! message use a newer Rust release: 1.60 was never built on a supported Debian release
FROM rust:1.60-buster AS old

#! BD015
#! fix FROM buildpack-deps:trixie-curl AS curl
FROM buildpack-deps:bullseye-curl AS curl

#! BD015
#! fix FROM buildpack-deps:noble-scm AS scm
FROM buildpack-deps:focal-scm AS scm

# A tag shape rust never published (the codename first) is not rewritten.
#! BD015
#! fix
#! message use a tag of rust built on a supported Debian release
FROM rust:buster-slim AS odd

#! BD015
#! fix FROM buildpack-deps:trixie
FROM buildpack-deps:stretch
