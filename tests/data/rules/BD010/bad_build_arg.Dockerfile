#! build-arg IMAGE=alpine
ARG IMAGE
#! BD010
FROM $IMAGE
