FROM ubuntu:22.04
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-cache policy curl && apt-mark hold curl && apt-key list
RUN echo "apt install is for humans" > /README && ls /etc/apt
CMD ["apt", "list"]
