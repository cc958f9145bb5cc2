#! BD101
docker run -d --cap-add SYS_ADMIN nginx:1.27
#! BD101
docker run -d --cap-add=cap_net_admin nginx:1.27
#! BD101
docker run -d --cap-drop ALL --cap-add all nginx:1.27
#! BD101
docker run -d --cap-add SYS_PTRACE --cap-add CHOWN nginx:1.27
