ARG BUILDER
#! BD017
FROM $BUILDER AS build
RUN make

FROM debian:12-slim
COPY --from=build /out /out
