FROM python:3.12-slim
#! BD041
RUN chmod o+w /srv
#! BD041
RUN chmod -R a+rwx /var/lib/app
#! BD041
RUN chmod u+x,go+w /opt/run.sh
#! BD041
RUN chmod ugo=rwx /etc/app.conf
USER nobody
