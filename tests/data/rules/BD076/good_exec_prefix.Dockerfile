FROM eclipse-temurin:21-jre
ENV JAVA_OPTS="-Xmx512m"
CMD exec java $JAVA_OPTS -jar /app.jar
