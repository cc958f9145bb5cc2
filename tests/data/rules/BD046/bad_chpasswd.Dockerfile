FROM mcr.microsoft.com/appsvc/staticsite:latest
#! BD046
RUN echo "root:Docker!" | chpasswd
RUN useradd -m dev \
#! BD046
 && printf 'dev:%s\n' "hunter2" | chpasswd
#! BD046
RUN chpasswd <<< "admin:admin"
