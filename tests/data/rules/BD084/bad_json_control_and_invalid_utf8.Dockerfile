FROM debian:12-slim
# SHELL takes a JSON array: a control character in the path is escaped the short way (\t, \n), and
# a byte that is not UTF-8 becomes U+FFFD, as Docker's JSON parser reads it.
#! BD084
#! fix SHELL ["/opt/my\tsh", "-c"]
RUN ln -sf $'/opt/my\tsh' /bin/sh
#! BD084
#! fix SHELL ["/opt/my\nsh", "-c"]
RUN ln -sf $'/opt/my\nsh' /bin/sh
#! BD084
#! fix SHELL ["/opt/�sh", "-c"]
RUN ln -sf $'/opt/\xffsh' /bin/sh
