#! trusted-registry index.docker.io
FROM nginx:1.27
