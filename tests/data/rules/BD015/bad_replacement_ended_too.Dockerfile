#! today 2027-11-01
# Temurin 11 and 17 ended on 2027-10-31: the replacement of openjdk:11 moves on to Temurin 21.
#! BD015
#! fix FROM eclipse-temurin:21-jre
FROM openjdk:11-jre
