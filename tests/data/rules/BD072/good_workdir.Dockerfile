FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/app ./cmd/app
RUN make -C /src/tools install && git -C /src status
RUN echo "run cd /src to build" > /README
