FROM debian:12-slim
WORKDIR /src
# A cd whose effect ends with its subshell, pipeline element, background job or nested shell:
# the RUN's own shell stays in the WORKDIR.
RUN (cd /src/tools && make) && make install
RUN tar -cf - . | (cd /opt/app && tar -xf -)
RUN { cd /src/docs && make html; } 2>&1 | tee /tmp/docs.log
RUN sh -c 'cd /src/tools && make'
RUN su app -c "cd ~ && npm install"
RUN root="$(cd /src/.. && pwd)" && echo "$root"
RUN (cd /src/a; make) && (cd /src/b; make)
