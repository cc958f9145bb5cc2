#pragma once
// Image checks of rules whose table entry lives with the Dockerfile rules (one rule, several
// inputs): the Dockerfile family tables name these as their `check_image`.
#include <string_view>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::image {

/// Runs the rule's own Dockerfile check over the image history rewritten as a Dockerfile
/// (ImageSpec::history_dockerfile) and reports each finding at its history entry's `created_by`
/// in the config JSON, "in the image history (layer N)". For the shell-level rules: BD021, BD022,
/// BD031-BD035, BD040-BD042, BD046, BD053, BD054, BD057.
void check_history(const ImageContext& ctx, Reporter& out);

void check_no_user(const ImageContext& ctx, Reporter& out);              // BD001, config.cpp
void check_root_user(const ImageContext& ctx, Reporter& out);            // BD002, config.cpp
void check_os_eol(const ImageContext& ctx, Reporter& out);               // BD015, config.cpp
void check_secret_env(const ImageContext& ctx, Reporter& out);           // BD020, config.cpp (+ history ARGs)
void check_ssh_port(const ImageContext& ctx, Reporter& out);             // BD043, config.cpp
void check_ssh_server(const ImageContext& ctx, Reporter& out);           // BD044, accounts.cpp
void check_system_volume(const ImageContext& ctx, Reporter& out);        // BD071, config.cpp
void check_missing_healthcheck(const ImageContext& ctx, Reporter& out);  // BD079, config.cpp

/// For the docs of a rule whose Dockerfile check also judges images: what `check` looks at in a
/// built image (one sentence), or "" for checks not in this list.
std::string_view image_check_summary(ImageCheck check);

/// check_history restricted to findings on ARG lines (build arguments recorded in the history).
void check_history_args(const ImageContext& ctx, Reporter& out);

}  // namespace bulwark::rules::image
