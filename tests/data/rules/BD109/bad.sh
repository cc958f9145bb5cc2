#! BD109
docker run -d --ipc host nginx:1.27
