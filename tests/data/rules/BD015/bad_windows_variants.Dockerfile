# Every supported Go release has Windows images; Python has them for its newest releases only.
#! BD015
#! fix FROM golang:1.27-windowsservercore AS build
FROM golang:1.20-windowsservercore-ltsc2022 AS build

#! BD015
#! fix
#! message use a windowsservercore tag of a supported Python release
FROM python:3.7-windowsservercore-ltsc2022
