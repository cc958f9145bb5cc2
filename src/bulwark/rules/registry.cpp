#include <algorithm>
#include <utility>
#include <vector>

#include "bulwark/rules/container/families.hpp"
#include "bulwark/rules/context/families.hpp"
#include "bulwark/rules/daemon/families.hpp"
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/image/families.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/rules/seccomp/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules {

namespace {
std::vector<const Rule*> build_table() {
    std::vector<const Rule*> table;
    for (std::span<const Rule> family :
         {dockerfile::user_rules(),         dockerfile::base_image_rules(), dockerfile::secret_rules(),
          dockerfile::supply_chain_rules(), dockerfile::privilege_rules(),  dockerfile::package_rules(),
          dockerfile::instruction_rules(),  dockerfile::stage_rules(),      daemon::network_rules(),
          daemon::runtime_rules(),          daemon::logging_rules(),        seccomp::profile_rules(),
          container::privilege_rules(),     container::confinement_rules(), container::namespace_rules(),
          container::mount_rules(),         container::resource_rules(),    container::network_rules(),
          container::config_rules(),        context::secret_rules(),        image::file_rules(),
          image::account_rules(),           image::config_rules()}) {
        for (const Rule& r : family) {
            table.push_back(&r);
        }
    }
    std::sort(table.begin(), table.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
    return table;
}
}  // namespace

std::span<const Rule* const> all_rules() {
    static const std::vector<const Rule*> k_table = build_table();
    return k_table;
}

namespace {

/// Calls `f` with each trimmed, non-empty part of comma-separated `field` (no allocation).
template <class F>
void for_each_item(std::string_view field, F&& f) {
    size_t start = 0;
    for (;;) {
        size_t pos = field.find(',', start);
        std::string_view part =
            util::trim(field.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (!part.empty()) {
            f(part);
        }
        if (pos == std::string_view::npos) {
            return;
        }
        start = pos + 1;
    }
}

}  // namespace

const Rule* find_rule(std::string_view id) {
    for (const Rule* r : all_rules()) {
        if (util::iequals(r->id, id)) {
            return r;
        }
    }
    return nullptr;
}

std::vector<std::string_view> split_list(std::string_view field) {
    std::vector<std::string_view> out;
    if (field.empty()) {
        return out;
    }
    out.reserve(static_cast<size_t>(std::count(field.begin(), field.end(), ',')) + 1);
    for_each_item(field, [&out](std::string_view part) { out.push_back(part); });
    return out;
}

std::vector<const Rule*> rules_equivalent_to(std::string_view other_id) {
    // Every equivalent id with its rule, in rule order: split once, not on every call.
    static const std::vector<std::pair<std::string_view, const Rule*>> k_index = [] {
        std::vector<std::pair<std::string_view, const Rule*>> index;
        for (const Rule* r : all_rules()) {
            for (std::string_view field : {r->hadolint, r->trivy, r->checkov, r->cis, r->dockle}) {
                for_each_item(field, [&](std::string_view id) { index.emplace_back(id, r); });
            }
        }
        return index;
    }();
    std::vector<const Rule*> out;
    for (const auto& [id, r] : k_index) {
        if (util::iequals(id, other_id)) {
            out.push_back(r);
        }
    }
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace bulwark::rules
