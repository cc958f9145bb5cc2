FROM debian:12-slim
# A literal $ in the directory would be expanded by WORKDIR: it is escaped.
#! BD072
#! fix WORKDIR /opt/\$app
RUN cd '/opt/$app' && make install
