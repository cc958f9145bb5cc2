#!/bin/sh
# Starts the monitoring agent on a host.
set -eu
docker run -d --name agent \
  --privileged \
  -v /:/host \
  -v /var/run/docker.sock:/var/run/docker.sock \
  -p 9100:9100 \
  example/agent:1.4
