#include "bulwark/model/dockerfile.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>
#include <vector>

#include "bulwark/util/strings.hpp"

namespace bulwark::model {

uint32_t MappedText::to_source_pieces(size_t text_offset) const {
    if (pieces.empty()) {
        return 0;
    }
    auto it = std::upper_bound(pieces.begin(), pieces.end(), text_offset,
                               [](size_t off, const Piece& p) { return off < p.text_offset; });
    const Piece& p = (it == pieces.begin()) ? pieces.front() : *(it - 1);
    return static_cast<uint32_t>(p.source_offset +
                                 (text_offset - std::min<size_t>(text_offset, p.text_offset)));
}

bool is_dockerfile_name(std::string_view name) {
    if (util::iends_with(name, ".dockerignore")) {
        return false;
    }
    return util::iequals(name, "dockerfile") || util::iequals(name, "containerfile") ||
           util::istarts_with(name, "dockerfile.") || util::istarts_with(name, "containerfile.") ||
           util::iends_with(name, ".dockerfile") || util::iends_with(name, ".containerfile");
}

namespace {
// Past this many parents a new scope copies what it sees instead: lookups stay short.
constexpr uint32_t k_max_scope_depth = 8;
}  // namespace

VarScope::VarScope(std::shared_ptr<const VarScope> parent) {
    if (parent == nullptr) {
        return;
    }
    if (parent->m_depth + 1 < k_max_scope_depth) {
        m_depth = parent->m_depth + 1;
        m_parent = std::move(parent);
        return;
    }
    // Flatten: the nearest definition of each name wins (emplace keeps the first one).
    for (const VarScope* s = parent.get(); s != nullptr; s = s->m_parent.get()) {
        for (const value_type& e : s->m_own) {
            m_own.emplace(e.first, e.second);
        }
    }
}

VarScope::const_iterator VarScope::find(std::string_view name) const {
    for (const VarScope* s = this; s != nullptr; s = s->m_parent.get()) {
        if (auto it = s->m_own.find(name); it != s->m_own.end()) {
            return const_iterator(&*it);
        }
    }
    return end();
}

const Value& VarScope::at(std::string_view name) const {
    const_iterator it = find(name);
    if (it == end()) {
        throw std::out_of_range("VarScope::at: no variable " + std::string(name));
    }
    return it->second;
}

size_t VarScope::size() const {
    size_t n = 0;
    for (const VarScope* s = this; s != nullptr; s = s->m_parent.get()) {
        for (const value_type& e : s->m_own) {
            bool shadowed = false;
            for (const VarScope* d = this; d != s; d = d->m_parent.get()) {
                if (d->m_own.find(e.first) != d->m_own.end()) {
                    shadowed = true;
                    break;
                }
            }
            n += shadowed ? 0 : 1;
        }
    }
    return n;
}

Value& VarScope::operator[](std::string_view name) {
    if (auto it = m_own.find(name); it != m_own.end()) {
        return it->second;
    }
    Value initial;
    if (m_parent != nullptr) {
        if (const_iterator p = m_parent->find(name); p != end()) {
            initial = p->second;
        }
    }
    return m_own.emplace(std::string(name), std::move(initial)).first->second;
}

const std::vector<std::string>& SharedArgv::empty_argv() {
    static const std::vector<std::string> k_empty;
    return k_empty;
}

std::string_view keyword_name(InstructionKind k) {
    switch (k) {
        case InstructionKind::from:
            return "FROM";
        case InstructionKind::run:
            return "RUN";
        case InstructionKind::cmd:
            return "CMD";
        case InstructionKind::label:
            return "LABEL";
        case InstructionKind::maintainer:
            return "MAINTAINER";
        case InstructionKind::expose:
            return "EXPOSE";
        case InstructionKind::env:
            return "ENV";
        case InstructionKind::add:
            return "ADD";
        case InstructionKind::copy:
            return "COPY";
        case InstructionKind::entrypoint:
            return "ENTRYPOINT";
        case InstructionKind::volume:
            return "VOLUME";
        case InstructionKind::user:
            return "USER";
        case InstructionKind::workdir:
            return "WORKDIR";
        case InstructionKind::arg:
            return "ARG";
        case InstructionKind::onbuild:
            return "ONBUILD";
        case InstructionKind::stopsignal:
            return "STOPSIGNAL";
        case InstructionKind::healthcheck:
            return "HEALTHCHECK";
        case InstructionKind::shell:
            return "SHELL";
        case InstructionKind::unknown:
            return "UNKNOWN";
    }
    return "UNKNOWN";
}

const Flag* Instruction::flag(std::string_view name) const {
    for (const Flag& f : flags) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

std::vector<const Flag*> Instruction::flags_named(std::string_view name) const {
    std::vector<const Flag*> out;
    for (const Flag& f : flags) {
        if (f.name == name) {
            out.push_back(&f);
        }
    }
    return out;
}

std::vector<int> Dockerfile::stage_chain(int stage) const {
    std::vector<int> chain;
    // FROM <stage> names an earlier stage (the analyzer sets base_stage so), so the walk goes back
    // and ends; the bound keeps a hand-made model with a cycle from looping.
    for (int s = stage; s >= 0 && s < static_cast<int>(stages.size()) && chain.size() < stages.size();
         s = stages[static_cast<size_t>(s)].base_stage) {
        chain.push_back(s);
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
}

const Stage* Dockerfile::find_stage(std::string_view name_or_index) const {
    std::string lower = util::to_lower(name_or_index);
    for (const Stage& s : stages) {
        if (!s.name.empty() && s.name == lower) {
            return &s;
        }
    }
    int index = -1;
    auto [ptr, ec] =
        std::from_chars(name_or_index.data(), name_or_index.data() + name_or_index.size(), index);
    if (ec == std::errc() && ptr == name_or_index.data() + name_or_index.size() && index >= 0 &&
        index < static_cast<int>(stages.size())) {
        return &stages[static_cast<size_t>(index)];
    }
    return nullptr;
}

}  // namespace bulwark::model
