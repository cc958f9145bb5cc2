#! BD015
FROM debian:buster-slim
