docker run -d nginx:1.27
