#!/bin/bash
# Through wrappers, in a function, in a command substitution and in sh -c.
start() {
    #! BD100
    exec docker run --rm --privileged alpine:3.20 true
}
#! BD100
cid=$(command docker run -d --privileged nginx:1.27)
#! BD100
sh -c 'docker run --privileged nginx:1.27'
