#!/bin/sh
docker network create --internal backend
docker network create frontend
docker run -d --name db --network backend postgres:16
docker run -d --name web --network backend --network frontend -p 127.0.0.1:8080:80 nginx:1.27
