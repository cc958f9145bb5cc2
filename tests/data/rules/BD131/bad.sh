#! BD131
docker run -d --sysctl net.ipv4.ip_forward=1 nginx:1.27
#! BD131
docker run -d --ipc host --sysctl kernel.shmmax=1073741824 nginx:1.27
#! BD131
docker run -d --network host --sysctl net.core.somaxconn=1024 nginx:1.27
