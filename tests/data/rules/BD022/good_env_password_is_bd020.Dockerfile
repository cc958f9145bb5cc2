# In the shipped image, a literal ENV password is BD020's finding, not reported twice.
FROM postgres:16
ENV POSTGRES_PASSWORD=Sup3rS3cret
