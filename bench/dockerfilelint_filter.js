#!/usr/bin/env node
// Splits a list of Dockerfiles (one path per line on stdin) into those dockerfilelint can lint
// (printed on stdout) and those it cannot (on stderr, with the reason): its CLI stops at the first
// file whose rules throw (1.8.0: `TypeError ... reading 'reduce'` in is_valid_healthcheck) and at an
// empty file ("Invalid input"), so a benchmark must give it only the files it handles.
// Usage: node bench/dockerfilelint_filter.js < LIST > OK_LIST
'use strict';
const fs = require('fs');
const path = require('path');
const dockerfilelint = require('dockerfilelint');

const files = fs.readFileSync(0, 'utf8').split('\n').filter((f) => f !== '');
let rejected = 0;
for (const file of files) {
  let reason = null;
  try {
    // As bin/dockerfilelint reads and lints a file argument.
    const content = fs.readFileSync(file, 'UTF-8');
    if (!content) {
      reason = 'empty file (the CLI exits with "Invalid input")';
    } else {
      dockerfilelint.run(path.resolve(path.dirname(file)), content);
    }
  } catch (e) {
    reason = String(e && e.message ? e.message : e).split('\n')[0];
  }
  if (reason === null) {
    process.stdout.write(file + '\n');
  } else {
    rejected++;
    process.stderr.write(`${file}: ${reason}\n`);
  }
}
process.stderr.write(`dockerfilelint handles ${files.length - rejected} of ${files.length} files\n`);
