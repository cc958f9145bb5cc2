# A runtime in an architecture namespace is the library image's build for that architecture: the
# same tags, so the same end of life, and the library image's replacement in the same namespace
# where the build tables say that release and variant are built for the architecture.
#! BD015
#! fix FROM arm32v7/python:3.13 AS python
FROM arm32v7/python:3.7 AS python

#! BD015
#! fix FROM arm64v8/node:24-alpine AS node
FROM arm64v8/node:14-alpine AS node

#! BD015
#! fix FROM amd64/eclipse-temurin:8-jre AS java
FROM amd64/openjdk:8-jre AS java

# Supported releases are not reported.
FROM arm32v7/python:3.13-slim AS current
FROM arm64v8/node:24 AS current_node

# A distribution named in the tag: the same release on the supported one.
#! BD015
#! fix FROM arm32v7/python:3.12-slim-trixie AS slim
FROM arm32v7/python:3.12-slim-buster AS slim

# The deprecated namespaces too.
#! BD015
#! fix FROM arm64v8/golang:1.27 AS go
FROM aarch64/golang:1.8 AS go

# winamd64/ holds the windows-amd64 builds.
#! BD015
#! fix FROM winamd64/golang:1.27-windowsservercore AS windows
FROM winamd64/golang:1.20-windowsservercore AS windows

# The replacement is not built for the architecture: words that say for which it is.
#! BD015
#! fix
#! message use a supported image built for arm32v7: eclipse-temurin:8-jre, the replacement on other platforms, is built for amd64, arm64v8, ppc64le only
FROM arm32v7/openjdk:8-jre AS armv7_java

#! BD015
#! fix
#! message use a supported image built for i386: node:24, the replacement on other platforms, is built for amd64, arm64v8, ppc64le, s390x only
FROM i386/node:14 AS i386_node

# The tables do not say which architectures the replacement is built for: words that say so.
#! BD015
#! fix
#! message use a supported release built for arm32v7 (on other platforms: php:8.4-fpm); which architectures php:8.4-fpm is built for is not in the tables
FROM arm32v7/php:7.4-fpm
