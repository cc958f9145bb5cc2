FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -qy install --no-install-recommends git && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -qq --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get --assume-yes install --no-install-recommends make && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -o APT::Get::Assume-Yes=true install --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
RUN apt-get update && yes | apt-get install --no-install-recommends vim && rm -rf /var/lib/apt/lists/*
RUN sudo apt-get -y purge --auto-remove vim
# read-only subcommands never prompt
RUN apt-get update && apt-get download hello && apt-get clean && rm -rf /var/lib/apt/lists/*
RUN echo "apt-get install curl" > /notes.txt
# simulation never prompts
RUN apt-get update && if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo jit; fi && rm -rf /var/lib/apt/lists/*
