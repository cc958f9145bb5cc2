FROM debian:12-slim
RUN useradd --create-home app
USER app
# The script given to sh -c stays one word in the command without sudo.
#! BD040
#! fix sh -c 'apt-get update && apt-get install -y curl'
RUN sudo sh -c "apt-get update && apt-get install -y curl"
CMD ["bash"]
