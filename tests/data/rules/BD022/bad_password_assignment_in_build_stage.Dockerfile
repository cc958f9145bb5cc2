FROM maven:3.9-eclipse-temurin-21 AS build
#! BD022
RUN mvn -Drepo.password=M4v3nRep0Pass deploy

FROM eclipse-temurin:21-jre
