FROM debian:12-slim
#! BD082
ENV APP_HOME=/opt/app PATH=$APP_HOME/bin:$PATH
ENV JAVA_HOME=/opt/java \
#! BD082
    CLASSPATH=${JAVA_HOME}/lib
