FROM ubuntu:24.04
#! BD033
RUN sudo curl -fsSLo /opt/app.jar https://repo.example.com/app-1.0.jar && java -jar /opt/app.jar --init
