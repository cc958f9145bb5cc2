# No tag at all is BD010.
FROM node
