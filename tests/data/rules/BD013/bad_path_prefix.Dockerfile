#! trusted-registry ghcr.io/myorg
#! BD013
FROM ghcr.io/otherorg/tool:1.0 AS tool
#! BD013
FROM ghcr.io/myorg2/base:2.1
