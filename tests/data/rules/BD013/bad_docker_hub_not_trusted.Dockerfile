#! trusted-registry registry.corp.example
#! BD013
FROM nginx:1.27
