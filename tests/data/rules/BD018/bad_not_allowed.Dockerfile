#! allowed-image debian:12*
#! BD018
FROM ubuntu:24.04
