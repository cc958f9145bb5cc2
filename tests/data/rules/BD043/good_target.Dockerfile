#! target app
FROM alpine:3.20 AS app
EXPOSE 8080
CMD ["sh"]

FROM alpine:3.20 AS debug
EXPOSE 22
CMD ["sh"]
