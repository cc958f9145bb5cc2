// The checks and conversions every part of the service reader uses: key validation with
// "did you mean", and typed settings from scalars.
#include <algorithm>

#include <fmt/format.h>

#include "bulwark/input/compose/service_reader.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::compose {

void report(ReadContext& ctx, core::DiagLevel level, const model::Origin& where, std::string message) {
    if (where.file == nullptr) {
        return;
    }
    ctx.diagnostics.push_back(
        core::make_diagnostic(level, *where.file, where.range.begin, std::move(message)));
}

std::string_view closest_key(std::string_view word, std::span<const std::string_view> candidates) {
    std::string lower = util::to_lower(word);
    std::string_view best;
    size_t best_distance = 0;
    for (std::string_view c : candidates) {
        size_t d = util::edit_distance(lower, c);
        if (d <= 2 && d <= std::max<size_t>(1, lower.size() / 2) && (best.empty() || d < best_distance)) {
            best = c;
            best_distance = d;
        }
    }
    return best;
}

void check_keys(ReadContext& ctx, const Node& node, std::span<const std::string_view> known,
                std::string_view where) {
    for (const Entry& e : node.entries) {
        if (util::starts_with(e.key, "x-") || std::find(known.begin(), known.end(), e.key) != known.end()) {
            continue;
        }
        std::string_view best = closest_key(e.key, known);
        std::string hint = best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
        report(ctx, core::DiagLevel::warning, e.key_origin,
               fmt::format("unknown key '{}' in {}{}", e.key, where, hint));
    }
}

bool expect_map(ReadContext& ctx, const Node& node, std::string_view what) {
    if (node.is_map() || node.is_null()) {
        return true;
    }
    report(ctx, core::DiagLevel::error, node.origin,
           fmt::format("{}: expected a map, found {}", what, kind_name(node)));
    return false;
}

model::Setting<bool> bool_setting(ReadContext& ctx, const Node& node, std::string_view what) {
    model::Setting<bool> s;
    if (node.is_null()) {
        return s;
    }
    s.origin = node.origin;
    if (!node.is_scalar()) {
        report(ctx, core::DiagLevel::error, node.origin,
               fmt::format("{}: expected true or false, found {}", what, kind_name(node)));
        return s;
    }
    s.set = true;
    s.known = node.known;
    std::string v = util::to_lower(node.scalar);
    if (v == "true" || v == "yes" || v == "on" || v == "y") {
        s.value = true;
    } else if (v == "false" || v == "no" || v == "off" || v == "n") {
        s.value = false;
    } else if (node.known) {
        report(ctx, core::DiagLevel::error, node.origin,
               fmt::format("{}: expected true or false, found '{}'", what, node.scalar));
        s.set = false;
    }
    return s;
}

model::Setting<std::string> scalar_setting(ReadContext& ctx, const Node& node, std::string_view what) {
    if (node.is_null()) {
        return {};
    }
    if (!node.is_scalar()) {
        report(ctx, core::DiagLevel::error, node.origin,
               fmt::format("{}: expected a single value, found {}", what, kind_name(node)));
        return {};
    }
    return string_setting(node);
}

std::vector<model::Setting<std::string>> list_settings(ReadContext& ctx, const Node& node,
                                                       std::string_view what) {
    std::vector<model::Setting<std::string>> out;
    if (node.is_scalar()) {
        out.push_back(string_setting(node));
        return out;
    }
    if (node.is_null()) {
        return out;
    }
    if (!node.is_sequence()) {
        report(ctx, core::DiagLevel::error, node.origin,
               fmt::format("{}: expected a list, found {}", what, kind_name(node)));
        return out;
    }
    for (const Node& item : node.items) {
        if (item.is_scalar()) {
            out.push_back(string_setting(item));
        } else {
            report(ctx, core::DiagLevel::error, item.origin,
                   fmt::format("{}: expected a single value, found {}", what, kind_name(item)));
        }
    }
    return out;
}

}  // namespace bulwark::input::compose
