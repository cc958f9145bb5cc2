ARG IMAGE=node
#! BD010
FROM ${IMAGE}
CMD ["node"]
