#! BD112
docker run -d --cgroupns host nginx:1.27
