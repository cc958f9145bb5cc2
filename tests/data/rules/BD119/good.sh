docker run -d --pids-limit 100 nginx:1.27
