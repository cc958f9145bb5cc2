#! BD103
docker run -d --security-opt seccomp=unconfined nginx:1.27
#! BD103
docker run -d --security-opt=seccomp:unconfined nginx:1.27
