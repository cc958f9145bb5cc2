FROM ubuntu:22.04
RUN useradd --create-home app
USER app
WORKDIR /home/app
# Two sudo calls on one line: two findings on the same line.
#! BD040
#! BD040
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl
CMD ["bash"]
