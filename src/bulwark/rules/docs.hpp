#pragma once
// Rule documentation, generated from the rule table (never written by hand).
#include <string>

#include "bulwark/rules/rule.hpp"

namespace bulwark::rules {

/// One rule as Markdown (docs/rules/<ID>.md).
std::string rule_markdown(const Rule& rule);
/// The index page (docs/rules/README.md): a table of every rule.
std::string rules_index_markdown();
/// One rule as plain text for `bulwark explain`.
std::string rule_text(const Rule& rule);
/// Every rule as a JSON array (for `bulwark rules --format json`).
std::string rules_json();

}  // namespace bulwark::rules
