FROM node:20-bookworm-slim
# A path with a space is quoted in the corrected chmod; a glob the author wrote stays a glob.
#! BD041
#! fix chmod 755 '/app/my uploads' /app/*.sock
RUN chmod 777 "/app/my uploads" /app/*.sock
USER node
CMD ["node", "server.js"]
