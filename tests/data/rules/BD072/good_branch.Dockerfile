FROM debian:12-slim
WORKDIR /app
# A cd that runs on some paths only: WORKDIR, which every path would get, cannot replace it.
RUN if [ "$TARGETARCH" = "amd64" ]; then cd /opt/amd64 && make; else make; fi
RUN if [ -f Makefile ]; then make; elif [ -d /usr/src/app ]; then cd /usr/src/app && make; fi
RUN case "$(uname -m)" in x86_64) cd /opt/x86_64 ;; *) cd /opt/generic ;; esac && make
RUN test -d /opt/cache || cd /opt/fallback
RUN for d in /opt/a /opt/b; do cd "$d" && make; done
# After a cd on some paths only the shell may be in either directory: on one way, the next cd
# goes into a directory the RUN removes.
RUN if [ -n "$DEV" ]; then cd /usr/src/dev; fi; cd build && make; rm -rf /usr/src/dev/build
RUN [ -d /opt/plugins ] && cd /opt/plugins && make; make install
