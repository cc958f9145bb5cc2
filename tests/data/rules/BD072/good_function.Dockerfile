FROM debian:12-slim
WORKDIR /src
# A function runs where it is called, not where it is defined: a cd in a body that is never
# called never runs, and one in a function called only in a subshell, a pipeline or on some
# paths ends with them or is a branch WORKDIR cannot express.
RUN build_docs() { cd /src/docs && make html; }; make
RUN tools() { cd /src/tools; make; }; (tools) && make install
RUN tools() { cd /src/tools; make; }; tools 2>&1 | tee /tmp/tools.log
RUN tools() { cd /src/tools; make; }; if [ -d /src/tools ]; then tools; fi; make install
RUN for d in a b; do part() { cd "/src/$d" && make; }; part; done
# A `( )` body is a subshell of its own.
RUN tools() ( cd /src/tools && make ); tools; make install
# A function defined in a subshell is not defined after it.
RUN (tools() { cd /src/tools; }); tools; make install
# A cleanup function called at the end removes the directory the RUN went into, and its own cd
# only leaves it.
RUN cleanup() { cd /; rm -rf /tmp/build; }; mkdir /tmp/build && cd /tmp/build && make; cleanup
