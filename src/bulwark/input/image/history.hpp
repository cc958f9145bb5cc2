#pragma once
// An image's history as a Dockerfile: each `created_by` is a build instruction or a shell command,
// so the Dockerfile parser and analyzer read them and the Dockerfile shell rules judge them
// (rules/image/history.hpp maps their findings back to the history entries).
#include <memory>
#include <string>
#include <string_view>

#include "bulwark/model/image.hpp"

namespace bulwark::input::image {

/// The Dockerfile line(s) for one `created_by`, without a trailing newline; empty when the entry
/// is not an instruction the shell rules read (CMD, LABEL, EXPOSE, HEALTHCHECK, Windows commands):
///   `/bin/sh -c #(nop)  ENV A=b`            -> `ENV A="b"`
///   `/bin/sh -c apt-get update`             -> `RUN apt-get update`
///   `|2 A=b C=d /bin/sh -c make`            -> `ARG A="b"`, `ARG C="d"`, `RUN make` (3 lines)
///   `RUN /bin/sh -c make # buildkit`        -> `RUN make`
///   `/bin/sh -c #(nop) ADD file:ab12 in / ` -> `ADD file:ab12 /`
/// A multi-line command becomes a RUN heredoc.
std::string history_instruction(std::string_view created_by);

/// Builds, parses and analyses the Dockerfile of `image.history` (one FROM scratch stage); each
/// line maps back to its entry. Never throws; the Dockerfile's diagnostics are kept but not shown.
std::shared_ptr<const model::HistoryDockerfile> build_history_dockerfile(const model::ImageSpec& image);

}  // namespace bulwark::input::image
