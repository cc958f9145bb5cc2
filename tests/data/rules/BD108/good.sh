docker run -d --pid container:db nginx:1.27
