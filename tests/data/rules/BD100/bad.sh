#!/bin/sh
#! BD100
docker run -d --privileged nginx:1.27
#! BD100
sudo docker run --privileged=true -it debian:12 bash
#! BD100
docker container create --privileged nginx:1.27
