#! BD126
docker run -d -e POSTGRES_PASSWORD="$PGPASS" postgres:16
#! BD126
docker run -d -e MYSQL_ROOT_PASSWORD=secretpw mysql:8.4
