FROM debian:12-slim
#! BD084
RUN ln -sf /bin/bash /bin/sh
RUN rm /bin/sh \
#! BD084
 && ln -s bash /bin/sh
