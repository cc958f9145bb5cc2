docker run -d --log-driver journald nginx:1.27
