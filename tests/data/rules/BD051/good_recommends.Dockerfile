FROM debian:bookworm AS build
# build-only stage: extra packages are not shipped
RUN apt-get update && apt-get install -y build-essential

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -y curl --no-install-recommends && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -o APT::Install-Recommends=false install -y git && rm -rf /var/lib/apt/lists/*
RUN apt-get update && aptitude install -y -R htop && rm -rf /var/lib/apt/lists/*
RUN apt-get -y remove curl && apt-get -y autoremove
COPY --from=build /etc/os-release /build-release
RUN apt-get update && if apt-get install -s foo-jit >/dev/null 2>&1; then apt-get install -y --no-install-recommends foo-jit; fi && rm -rf /var/lib/apt/lists/*
