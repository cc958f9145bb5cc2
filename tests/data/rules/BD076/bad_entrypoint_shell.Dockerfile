FROM openjdk:21-slim AS build
CMD ./gradlew test

FROM eclipse-temurin:21-jre
COPY --from=build /app.jar /app.jar
#! BD076
ENTRYPOINT java -jar /app.jar
CMD ["--spring.profiles.active=prod"]
