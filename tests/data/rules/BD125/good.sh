docker run -d -e DB_PASSWORD nginx:1.27
docker run -d -e DB_PASSWORD="$DB_PASSWORD" nginx:1.27
docker run -d -e DB_PASSWORD_FILE=/run/secrets/db nginx:1.27
docker run -d -e PASSWORD=changeme nginx:1.27
docker run -d -e LOG_LEVEL=debug nginx:1.27
