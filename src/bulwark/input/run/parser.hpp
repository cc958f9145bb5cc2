#pragma once
// `docker run` / `docker create` / `docker container run|create` argument vectors -> ContainerSpec.
// The words come from the shell parser (already split, quotes removed, offsets mapped to the file);
// this parser knows Docker's flag table and value syntaxes. No judgement, no I/O.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/container.hpp"

namespace bulwark::input::run {

/// One argument of the command line: its value, where it is in the file, and whether its value is
/// known statically (false when it holds a shell expansion that could not be resolved).
struct ArgWord {
    std::string value;
    model::Range range;
    bool known = true;
    /// True when value[i] was written at range.begin + i (no quotes or escapes in the word), so
    /// parts of the value can be located exactly.
    bool verbatim = true;
};

/// A problem with the command line (unknown flag, missing value, malformed value).
struct RunWarning {
    model::Range range;
    std::string message;
};

/// One parsed `docker run` line.
struct RunLine {
    model::ContainerSpec spec;
    std::vector<RunWarning> warnings;
    std::string subcommand;  // "run" or "create"
};

/// If `argv` (the effective argv of a simple command, wrappers such as sudo already removed) is a
/// docker/podman/nerdctl run or create invocation, the index of the first argument after the
/// `run`/`create` word; nullopt otherwise. Docker's global options (`-H`, `--context` ...) may
/// precede the subcommand.
std::optional<size_t> run_arguments_start(std::span<const ArgWord> argv);

/// Parses `docker run` arguments (`args` starts after `run`/`create`). `file` becomes the origin
/// file of every value; `docker_word` is the range of the `docker` word (the container's origin).
/// Never throws: unknown flags and malformed values become warnings.
RunLine parse_run_arguments(std::span<const ArgWord> args, const util::SourcePtr& file,
                            model::Range docker_word, std::string_view subcommand = "run");

/// Upper case without a `CAP_` prefix: "cap_sys_admin" -> "SYS_ADMIN".
std::string normalize_capability(std::string_view cap);

/// Parses a published port `[ip:][host[-end]:]container[-end][/proto]` (IPv6 in brackets); nullopt
/// when it is malformed. Origins are left empty.
std::optional<model::PortMapping> parse_port(std::string_view text);

/// Parses a `-v`/`--volume` value `[source:]target[:options]`; nullopt when malformed. Origins empty.
std::optional<model::ContainerMount> parse_volume(std::string_view text);

/// Parses a `--mount` CSV value (`type=bind,source=/x,target=/y,readonly,bind-propagation=shared`);
/// nullopt and `error` set when malformed. Origins empty.
std::optional<model::ContainerMount> parse_mount_flag(std::string_view text, std::string& error);

}  // namespace bulwark::input::run
