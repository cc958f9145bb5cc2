docker run -d --hostname web nginx:1.27
