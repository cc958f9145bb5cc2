#!/bin/sh
docker network create appnet
#! BD133
docker run -d --name db --network appnet postgres:16
docker run -d --name web --network appnet -p 127.0.0.1:8080:80 nginx:1.27
