docker run -d -e POSTGRES_PASSWORD_FILE=/run/secrets/pg postgres:16
docker run -d -e POSTGRES_PASSWORD=x123456 nginx:1.27
docker run -d -e POSTGRES_DB=app postgres:16
