docker run -d --sysctl net.core.somaxconn=1024 nginx:1.27
docker run -d --sysctl net.ipv4.ip_unprivileged_port_start=0 nginx:1.27
docker run -d --sysctl kernel.shmmax=1073741824 nginx:1.27
