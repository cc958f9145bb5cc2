#!/bin/sh
# A variable assigned at the top level with a literal value is resolved.
NET=host
#! BD107
docker run -d --network "$NET" nginx:1.27
