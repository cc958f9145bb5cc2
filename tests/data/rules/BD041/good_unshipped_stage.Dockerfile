FROM alpine:3.20 AS scratchpad
RUN mkdir /work && chmod 777 /work && echo data > /work/file

FROM alpine:3.20
RUN adduser -D app
USER app
CMD ["sh"]
