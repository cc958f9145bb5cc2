#! BD111
docker run -d --userns host nginx:1.27
