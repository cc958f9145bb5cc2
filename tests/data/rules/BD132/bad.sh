#! BD132
docker run -d -p 5432:5432 postgres:16
#! BD132
docker run -d -p 6379:6379 redis:7
#! BD132
docker run -d -p 0.0.0.0:9200:9200 elasticsearch:8.15.0
#! BD132
docker run -d -P mongo:7
