# Debian 11 ended: the same Python release on Debian 13. A pinned patch release (3.12.1) never had a
# trixie variant, so the release's own tag is named.
#! BD015
#! fix FROM python:3.12-slim-trixie AS app
FROM python:3.12.1-slim-bullseye AS app

# Python 3.9 ended as well: its replacement moves the distribution too.
#! BD015
#! fix FROM python:3.13-slim
FROM python:3.9-slim-buster
