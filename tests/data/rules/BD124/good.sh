docker run -d --health-cmd 'curl -f http://localhost/ || exit 1' nginx:1.27
