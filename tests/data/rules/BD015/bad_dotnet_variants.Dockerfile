# .NET 8 and 9 ended on 2026-11-10; .NET 10 publishes the same variants, on Ubuntu 24.04 instead of
# 22.04, without Debian and without Windows Server 2019.
#! BD015
#! fix FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
FROM mcr.microsoft.com/dotnet/sdk:8.0-jammy AS build

#! BD015
#! fix FROM mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless AS distroless
FROM mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless AS distroless

#! BD015
#! fix FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine-extra AS alpine
FROM mcr.microsoft.com/dotnet/runtime-deps:8.0.30-alpine3.23-extra-arm64v8 AS alpine

#! BD015
#! fix FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022 AS windows
FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809 AS windows

#! BD015
#! fix FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra
FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled-extra
COPY --from=build /app /app
ENTRYPOINT ["/app/api"]
