FROM debian:12-slim
# A function runs in its caller's shell: its cd lasts after the call, for the rest of the RUN.
#! BD072
#! message 'cd /src' in function 'build', called at line 7,
#! fix WORKDIR /src
RUN build() { cd /src; make; }; \
    build; \
    make install
# Each call runs the body again: the first call that goes somewhere WORKDIR could name is reported.
#! BD072
#! message called at line 12
RUN enter() { cd /opt/app; }; make; enter; ./install.sh; enter
# The function is defined before it is called, in a `function` keyword form too.
#! BD072
#! message 'cd /usr/src/app' in function 'go_app'
RUN function go_app { cd /usr/src/app; }; go_app && npm ci
# A function that would remove the directory is never called, so this RUN does not remove it.
#! BD072
RUN mkdir -p /tmp/build && cd /tmp/build && make; cleanup() { rm -rf /tmp/build; }
# A function called by another: its body runs when the outer one is called.
#! BD072
#! message in function 'inner', called at line 23
RUN inner() { cd /srv/site; }; outer() { inner; make; }; outer; make install
# In a heredoc, the call is named by its own line.
RUN <<EOF
set -e
build() {
#! BD072
#! message 'cd /src/app' in function 'build', called at line 33,
  cd /src/app
  make
}
build
make install
EOF
