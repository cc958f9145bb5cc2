FROM mcr.microsoft.com/dotnet/sdk:10.0-azurelinux3.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish -o /app

# Azure Linux distroless .NET images run as app (uid 1654), like the chiseled ones.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["./aspnetapp"]
