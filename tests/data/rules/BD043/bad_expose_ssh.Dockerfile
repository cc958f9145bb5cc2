FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*
#! BD043
EXPOSE 80 22
#! BD043
EXPOSE 22/tcp
CMD ["nginx", "-g", "daemon off;"]
