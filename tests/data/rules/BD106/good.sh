docker run -d --security-opt no-new-privileges nginx:1.27
docker run -d --security-opt no-new-privileges:true nginx:1.27
docker run -d --security-opt "$SECOPT" nginx:1.27
