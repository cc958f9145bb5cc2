docker run -d --read-only --tmpfs /tmp nginx:1.27
