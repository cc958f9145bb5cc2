#! today 2030-01-01
#! BD015
FROM ubuntu:22.04
