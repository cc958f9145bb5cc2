#! BD114
docker run -d -v /var/run/docker.sock:/var/run/docker.sock traefik:v3.1
#! BD114
docker run -d --mount type=bind,src=/run/docker.sock,dst=/docker.sock,readonly traefik:v3.1
#! BD114
docker run -d -v /var/run:/var/run traefik:v3.1
#! BD114
docker run -d -v /run/containerd/containerd.sock:/run/containerd/containerd.sock traefik:v3.1
