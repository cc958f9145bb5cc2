#!/bin/sh
docker run -d nginx:1.27
docker run --privileged=false nginx:1.27
echo docker run --privileged nginx:1.27
docker exec --privileged web sh
