FROM node:20 AS build
WORKDIR /app
#! BD073
CMD npm test
CMD ["npm", "run", "build"]

FROM nginx:1.27
#! BD073
CMD ["nginx"]
#! BD073
CMD ["nginx", "-g", \
     "daemon off;"]
CMD ["nginx", "-g", "daemon off;"]
