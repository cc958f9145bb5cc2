#pragma once
// Docker daemon configuration -> model::DaemonSpec: daemon.json, and the dockerd command line of a
// systemd unit (ExecStart=), a drop-in, /etc/default/docker (DOCKER_OPTS=) or /etc/sysconfig/docker
// (OPTIONS=). No judgement, no I/O; problems are diagnostics and parsing goes on.
#include <span>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/daemon.hpp"
#include "bulwark/model/shell.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::daemon {

struct ParseResult {
    model::DaemonSpec spec;
    std::vector<core::Diagnostic> diagnostics;
    bool ok = true;  // false when the file could not be read at all (bad JSON): rules do not run
};

/// Parses a daemon.json. Bad JSON is a located error; an unknown key a warning; a value of the
/// wrong type an error (dockerd refuses to start on both of the latter but newer keys are likely).
ParseResult parse_daemon_json(const util::SourcePtr& source);

/// Applies dockerd flags `words` (the words after `dockerd`, offsets into `source`) to `spec`:
/// `--flag=value`, `--flag value`, `-H value`, `-Hvalue`, booleans `--icc`/`--icc=false`, repeated
/// list flags. Words with unexpanded `$VAR` are skipped (their value is only known at start); an
/// unknown flag is a located warning.
void apply_flags(std::span<const model::shell::Word> words, const util::SourcePtr& source,
                 model::DaemonSpec& spec, std::vector<core::Diagnostic>& diags);

/// Parses a file that holds a dockerd command line: a systemd unit or drop-in (the last non-empty
/// `ExecStart=` of `[Service]`, continuation lines joined) or a shell environment file
/// (`DOCKER_OPTS=`, `OPTIONS=`, `other_args=`). Which one is decided by the content: a `[Section]`
/// header makes it a unit. The spec has defaults_apply=false.
ParseResult parse_dockerd_config(const util::SourcePtr& source);

}  // namespace bulwark::input::daemon
