FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl \
#! BD022
 && curl -fsSL -H "Authorization: Bearer MdfPhLTV3sF0xvwkWE/sD7G6" \
      https://artifacts.internal/app.tar.gz -o /tmp/app.tar.gz
