#! BD134
docker run -d --security-opt systempaths=unconfined nginx:1.27
