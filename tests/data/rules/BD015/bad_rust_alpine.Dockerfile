# rust names its Alpine release in the tag (alpine3.N): an ended one is swapped for the Alpine
# release the tables recommend, the rest of the tag kept, where rust has tags on it.
#! BD015
#! fix FROM rust:alpine3.23 AS floating
FROM rust:alpine3.17 AS floating

#! BD015
#! fix FROM rust:1-alpine3.23 AS major
FROM rust:1-alpine3.16 AS major

# Supported Alpine releases are not reported.
FROM rust:1.92-alpine3.23 AS current
FROM rust:alpine3.22 AS current_floating

# A pinned patch release never had the new Alpine: its minor release's own tag is named.
#! BD015
#! fix FROM rust:1.92-alpine3.23 AS pinned
FROM rust:1.92.1-alpine3.20 AS pinned

# Rust 1.91 was the first release built on Alpine 3.23, 1.87 the first on Alpine 3.22: a pinned
# release between them gets its alpine3.22 tag, an older one words.
#! BD015
#! fix FROM rust:1.88-alpine3.22 AS between
FROM rust:1.88-alpine3.20 AS between

#! BD015
#! fix FROM arm64v8/rust:1.90-alpine3.22 AS between_arm64
FROM arm64v8/rust:1.90.0-alpine3.21 AS between_arm64

#! BD015
#! fix
#! message use a newer Rust release: 1.70 has no tag on a supported Alpine release newer than 3.18 (1.87 and later have alpine3.22 tags, 1.91 and later alpine3.23 ones; rust:1-alpine3.23 follows the newest)
FROM rust:1.70-alpine3.18 AS old

# rust's Alpine tags are built for amd64, arm64v8 and ppc64le only.
#! BD015
#! fix FROM arm64v8/rust:1-alpine3.23 AS arm64
FROM arm64v8/rust:1-alpine3.18 AS arm64

#! BD015
#! fix
#! message use a supported image built for arm32v7: rust:1-alpine3.23, the replacement on other platforms, is built for amd64, arm64v8, ppc64le only
FROM arm32v7/rust:1-alpine3.18 AS armv7

# 1.88's alpine3.22 tags were built for amd64 and arm64v8 only.
#! BD015
#! fix
#! message use a supported image built for ppc64le: rust:1.88-alpine3.22, the replacement on other platforms, is built for amd64, arm64v8 only
FROM ppc64le/rust:1.88-alpine3.20
