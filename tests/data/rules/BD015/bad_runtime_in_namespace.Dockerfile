# A runtime in an architecture namespace is the library image's build for that architecture: the
# same tags, so the same end of life. Which releases each architecture gets is not in the tables,
# so the replacement is words, with the one named for other platforms.
#! BD015
#! fix
#! message use a supported release built for arm32v7 (on other platforms: python:3.13); which releases are built for arm32v7 is not in the tables
FROM arm32v7/python:3.7 AS python

#! BD015
#! fix
#! message (on other platforms: node:24-alpine)
FROM arm64v8/node:14-alpine AS node

#! BD015
#! fix
#! message (on other platforms: eclipse-temurin:8-jre)
FROM amd64/openjdk:8-jre AS java

# Supported releases are not reported.
FROM arm32v7/python:3.13-slim AS current
FROM arm64v8/node:24 AS current_node

# A distribution named in the tag: the same words.
#! BD015
#! fix
#! message (on other platforms: python:3.12-slim-trixie)
FROM arm32v7/python:3.12-slim-buster AS slim

# The deprecated namespaces too.
#! BD015
#! fix
#! message use a supported release built for arm64v8 (on other platforms: golang:1.27)
FROM aarch64/golang:1.8
