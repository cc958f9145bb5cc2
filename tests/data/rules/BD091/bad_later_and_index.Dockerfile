FROM node:20 AS app
WORKDIR /app
#! BD091
COPY --from=assets /assets ./public
#! BD091
COPY --from=2 /out ./out

FROM node:20 AS assets
RUN mkdir /assets

FROM alpine:3.20 AS tools
RUN mkdir /out
