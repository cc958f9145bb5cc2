FROM node:20 AS deps
WORKDIR /app
#! BD090
COPY --from=0 /app/node_modules ./node_modules

FROM node:20 AS Builder
WORKDIR /app
#! BD090
RUN --mount=type=bind,from=builder,source=/app,target=/src \
    cp -r /src/dist /app/dist
