docker run -d --network appnet nginx:1.27
docker run -d --network "$NET" nginx:1.27
if [ -n "$X" ]; then NET2=host; fi
docker run -d --network "$NET2" nginx:1.27
