#! BD125
docker run -d -e DB_PASSWORD=hunter2hunter2 nginx:1.27
#! BD125
docker run -d --env=API_TOKEN='ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8' nginx:1.27
#! BD125
docker run -d -e GITHUB=ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 nginx:1.27
