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

# Rust 1.91 was the first release built on Alpine 3.23: an older pinned release gets words.
#! BD015
#! fix
#! message use a newer Rust release: 1.70 has no alpine3.23 tag (1.91 and later have; rust:1-alpine3.23 follows the newest)
FROM rust:1.70-alpine3.18 AS old

# rust's Alpine tags are built for amd64, arm64v8 and ppc64le only.
#! BD015
#! fix FROM arm64v8/rust:1-alpine3.23 AS arm64
FROM arm64v8/rust:1-alpine3.18 AS arm64

#! BD015
#! fix
#! message use a tag of arm32v7/rust built on a supported Alpine release
FROM arm32v7/rust:1-alpine3.18
