FROM golang:1.22
COPY . /src
#! BD072
RUN cd /src && go build -o /usr/local/bin/app ./cmd/app
RUN git clone https://github.com/example/tool.git /opt/tool \
#! BD072
 && cd /opt/tool \
 && make install
