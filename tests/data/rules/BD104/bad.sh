#! BD104
docker run -d --security-opt apparmor=unconfined nginx:1.27
#! BD104
docker run -d --security-opt apparmor:unconfined nginx:1.27
