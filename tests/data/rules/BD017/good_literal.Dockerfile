FROM debian:12-slim AS build
FROM build
