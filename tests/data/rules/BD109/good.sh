docker run -d --ipc shareable nginx:1.27
docker run -d --ipc container:db nginx:1.27
