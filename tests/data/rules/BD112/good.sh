docker run -d --cgroupns private nginx:1.27
