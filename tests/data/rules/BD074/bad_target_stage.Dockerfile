#! target debug
FROM debian:12-slim AS debug
#! BD074
ENTRYPOINT ["/bin/bash"]
ENTRYPOINT ["/usr/bin/gdb", "--args"]

FROM debian:12-slim
ENTRYPOINT ["/app"]
