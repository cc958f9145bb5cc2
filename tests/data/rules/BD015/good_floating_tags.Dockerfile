FROM python:3 AS a
FROM node:lts AS b
FROM alpine
