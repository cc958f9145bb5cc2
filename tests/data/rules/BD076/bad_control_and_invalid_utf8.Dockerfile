FROM node:20-slim
# The exec-form fix is JSON: a control character is escaped the short way (\f), and a byte that is
# not UTF-8 becomes U+FFFD, which is what Docker's JSON parser reads from it.
#! BD076
#! fix CMD ["node\fserver.js", "--name", "cafï¿½"]
CMD nodeserver.js --name café
