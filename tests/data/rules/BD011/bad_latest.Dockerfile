#! BD011
FROM node:latest
CMD ["node"]
