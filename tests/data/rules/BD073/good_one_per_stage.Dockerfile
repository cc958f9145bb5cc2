FROM node:20 AS build
WORKDIR /app
CMD ["npm", "test"]

FROM nginx:1.27
ONBUILD CMD ["echo", "child"]
CMD ["nginx", "-g", "daemon off;"]
