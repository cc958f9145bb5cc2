# The deprecated openjdk image: the same Java release on Eclipse Temurin, with the same jre/jdk,
# alpine or Windows variant (Temurin has no slim variant; its default is Ubuntu).
#! BD015
#! fix FROM eclipse-temurin:8 AS legacy
FROM openjdk:8 AS legacy

#! BD015
#! fix FROM eclipse-temurin:8-jdk-alpine AS build
FROM openjdk:8-jdk-alpine AS build

#! BD015
#! fix FROM eclipse-temurin:11-jdk-windowsservercore AS windows
FROM openjdk:11-jdk-windowsservercore-1809 AS windows

#! BD015
#! fix FROM eclipse-temurin:11-jre
FROM openjdk:11-jre-slim-buster
COPY --from=build /app.jar /app.jar
