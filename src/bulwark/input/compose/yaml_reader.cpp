#include "bulwark/input/compose/yaml_reader.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace bulwark::input::compose {

namespace {

size_t indent_of(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
    }
    return i;
}

/// Byte offset of a yaml-cpp mark: its positions do not count a UTF-8 byte order mark.
uint32_t mark_offset(const YAML::Mark& m, std::string_view text) {
    if (m.pos < 0) {
        return 0;
    }
    size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    return static_cast<uint32_t>(std::min<size_t>(static_cast<size_t>(m.pos) + bom, text.size()));
}

/// Converts a yaml-cpp tree, computing where each scalar ends in the source.
class Converter {
  public:
    Converter(const util::SourcePtr& source, std::vector<core::Diagnostic>& diagnostics,
              const ReadLimits& limits)
        : m_source(source), m_text(source->text()), m_diagnostics(diagnostics), m_limits(limits) {}

    Node convert(const YAML::Node& y, size_t depth) {
        Node n;
        n.origin.file = m_source;
        uint32_t pos = offset_of(y.Mark());
        n.origin.range = {pos, pos};
        if (++m_visits > m_limits.max_nodes) {
            limit_hit(pos, fmt::format("the document expands to more than {} values (aliases included); "
                                       "the rest is not analysed",
                                       m_limits.max_nodes));
            return finish(n);
        }
        switch (y.Type()) {
            case YAML::NodeType::Scalar:
                scalar(y, n);
                break;
            case YAML::NodeType::Sequence:
                n.kind = Node::Kind::sequence;
                if (deeper(depth, pos)) {
                    sequence(y, n, depth);
                }
                break;
            case YAML::NodeType::Map:
                n.kind = Node::Kind::map;
                if (deeper(depth, pos)) {
                    map(y, n, depth);
                }
                break;
            default:
                break;
        }
        return finish(n);
    }

  private:
    uint32_t offset_of(const YAML::Mark& m) const { return mark_offset(m, m_text); }

    bool deeper(size_t depth, uint32_t pos) {
        if (depth < m_limits.max_depth) {
            return true;
        }
        limit_hit(pos,
                  fmt::format("nesting deeper than {} levels; the rest is not analysed", m_limits.max_depth));
        return false;
    }

    void limit_hit(uint32_t pos, std::string message) {
        if (!m_stopped) {
            m_diagnostics.push_back(
                core::make_diagnostic(core::DiagLevel::error, *m_source, pos, std::move(message)));
        }
        m_stopped = true;
    }

    /// Sets the node's end from its children and its last line.
    Node finish(Node& n) {
        uint32_t end = n.origin.range.end;
        for (const Node& item : n.items) {
            if (item.origin.file == m_source) {
                end = std::max(end, item.origin.range.end);
            }
        }
        for (const Entry& e : n.entries) {
            if (e.value.origin.file == m_source) {
                end = std::max(end, e.value.origin.range.end);
            }
            end = std::max(end, e.key_origin.range.end);
        }
        if ((n.is_map() || n.is_sequence()) && n.origin.range.begin < m_text.size()) {
            char open = m_text[n.origin.range.begin];
            if (open == '[' || open == '{') {
                size_t close = m_text.find(open == '[' ? ']' : '}', end);
                if (close != std::string::npos) {
                    end = static_cast<uint32_t>(close + 1);
                }
            }
        }
        n.origin.range.end = std::max(end, n.origin.range.begin);
        size_t last =
            n.origin.range.end > n.origin.range.begin ? n.origin.range.end - 1 : n.origin.range.begin;
        n.last_line = m_source->position(last).line;
        return std::move(n);
    }

    void scalar(const YAML::Node& y, Node& n) {
        n.kind = Node::Kind::scalar;
        n.scalar = y.Scalar();
        n.quoted = y.Tag() == "!";
        uint32_t pos = n.origin.range.begin;
        n.origin.range.end = scalar_end(pos, n);
    }

    void sequence(const YAML::Node& y, Node& n, size_t depth) {
        // Where the next item's `-` is looked for: after the previous item (block sequences).
        size_t after = n.origin.range.begin;
        for (const YAML::Node& item : y) {
            Node converted = convert(item, depth + 1);
            after = place_item(converted, item.IsNull(), after);
            n.items.push_back(std::move(converted));
            if (m_stopped) {
                break;
            }
        }
    }

    /// yaml-cpp marks an empty item of a block sequence (a `-` and nothing) with the position of the
    /// token after it (the next item's `-`, the next key, the end): this puts it at its own `-`, the
    /// entry indicator found from `after` (the end of the previous item) before that position. An
    /// item written as `~` or `null`, an alias, or with an anchor or a tag keeps its mark; so does
    /// any item when the indicator is not where it should be (a flow sequence, text this does not
    /// follow). Returns where the next item's indicator is looked for.
    size_t place_item(Node& item, bool null, size_t after) const {
        const size_t mark = item.origin.range.begin;
        size_t dash = skip_blanks(after);
        while (dash < mark && (m_text[dash] == '&' || m_text[dash] == '!')) {
            dash = skip_blanks(m_text.find_first_of(" \t\r\n", dash));  // the sequence's anchor or tag
        }
        if (dash >= m_text.size() || m_text[dash] != '-' || !is_blank_or_end(dash + 1)) {
            // Lost: go on from the item's end, when it is here.
            return item.origin.file == m_source ? std::max<size_t>(after, item.origin.range.end) : after;
        }
        if (!null) {
            bool here = item.origin.file == m_source && item.origin.range.end > dash;
            return here ? item.origin.range.end : line_end(dash);  // elsewhere: an alias
        }
        const size_t next = skip_blanks(dash + 1);
        const bool written = written_null(next);
        if (written || dash >= mark) {
            return written ? line_end(next) : after;
        }
        item.origin.range = {static_cast<uint32_t>(dash), static_cast<uint32_t>(dash)};
        item.last_line = m_source->position(dash).line;
        return dash + 1;
    }

    /// The same for an empty value (`key:` and nothing): yaml-cpp marks it with the next token (the
    /// next key, maybe lines below); it is put right after its `:`. A value written as `~` or `null`,
    /// an alias, or with an anchor or a tag keeps its mark, as does any key whose `:` is not
    /// right after it.
    void place_empty_value(Entry& e) const {
        const size_t mark = e.value.origin.range.begin;
        size_t colon = e.key_origin.range.end;
        while (colon < m_text.size() && (m_text[colon] == ' ' || m_text[colon] == '\t')) {
            ++colon;
        }
        if (colon >= mark || m_text[colon] != ':' || written_null(skip_blanks(colon + 1))) {
            return;
        }
        e.value.origin.range = {static_cast<uint32_t>(colon + 1), static_cast<uint32_t>(colon + 1)};
        e.value.last_line = m_source->position(colon).line;
    }

    /// True when the text at `i` is a null written out (`~`, `null`), an alias, or an anchor or
    /// tag: a value is there, whatever yaml-cpp made of it.
    bool written_null(size_t i) const {
        const std::string_view rest = std::string_view(m_text).substr(std::min(i, m_text.size()));
        return !rest.empty() &&
               (rest[0] == '~' || rest[0] == '&' || rest[0] == '!' || rest[0] == '*' ||
                rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL"));
    }

    /// The offset of the line break ending the line of `i` (or the end of the text).
    size_t line_end(size_t i) const { return std::min(m_text.find('\n', i), m_text.size()); }

    /// The first offset from `from` that is not blank space, a line break or a comment.
    size_t skip_blanks(size_t from) const {
        size_t i = from;
        while (i < m_text.size()) {
            char c = m_text[i];
            if (c == '#' && (i == 0 || is_blank_or_end(i - 1))) {
                i = m_text.find('\n', i);
                if (i == std::string::npos) {
                    return m_text.size();
                }
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return i;
            }
            ++i;
        }
        return m_text.size();
    }

    bool is_blank_or_end(size_t i) const {
        return i >= m_text.size() || m_text[i] == ' ' || m_text[i] == '\t' || m_text[i] == '\r' ||
               m_text[i] == '\n';
    }

    /// End offset of the scalar starting at `pos`; sets verbatim/text_begin.
    uint32_t scalar_end(uint32_t pos, Node& n) const {
        size_t size = m_text.size();
        if (pos >= size) {
            return pos;
        }
        char c = m_text[pos];
        if (c == '"' || c == '\'') {
            size_t i = pos + 1;
            while (i < size) {
                if (c == '"' && m_text[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (m_text[i] == c) {
                    if (c == '\'' && i + 1 < size && m_text[i + 1] == '\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            size_t end = std::min(i + 1, size);
            n.text_begin = pos + 1;
            n.verbatim =
                i == pos + 1 + n.scalar.size() && m_text.compare(pos + 1, n.scalar.size(), n.scalar) == 0;
            return static_cast<uint32_t>(end);
        }
        if (c != '|' && c != '>' && m_text.compare(pos, n.scalar.size(), n.scalar) == 0) {
            n.text_begin = pos;
            n.verbatim = true;
            return static_cast<uint32_t>(pos + n.scalar.size());
        }
        // Block scalars and folded plain scalars: the lines indented more than the line they start on.
        util::Position p = m_source->position(pos);
        size_t base = indent_of(m_source->line_text(p.line));
        size_t end = m_source->line_offset(p.line) + m_source->line_text(p.line).size();
        for (uint32_t line = p.line + 1; line <= m_source->line_count(); ++line) {
            std::string_view text = m_source->line_text(line);
            if (indent_of(text) == text.size()) {
                continue;
            }
            if (indent_of(text) <= base) {
                break;
            }
            end = m_source->line_offset(line) + text.size();
        }
        return static_cast<uint32_t>(std::max<size_t>(end, pos));
    }

    void map(const YAML::Node& y, Node& n, size_t depth) {
        std::vector<YAML::Node> merge_holder;
        std::map<std::string, uint32_t> seen;
        for (auto it = y.begin(); it != y.end() && !m_stopped; ++it) {
            // Copies: the iterator's pair is a temporary proxy.
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            uint32_t key_pos = offset_of(key.Mark());
            if (!key.IsScalar()) {
                m_diagnostics.push_back(core::make_diagnostic(
                    core::DiagLevel::error, *m_source, key_pos,
                    fmt::format("expected a key name, found {}", key.IsNull() ? "nothing" : "a collection")));
                continue;
            }
            if (key.Scalar() == "<<" && key.Tag() != "!") {
                merge_holder.push_back(value);
                continue;
            }
            Entry e;
            e.key = key.Scalar();
            e.key_origin.file = m_source;
            Node key_node;
            key_node.origin.range.begin = key_pos;
            key_node.scalar = e.key;
            e.key_origin.range = {key_pos, scalar_end(key_pos, key_node)};
            if (auto [at, inserted] = seen.emplace(e.key, m_source->position(key_pos).line); !inserted) {
                m_diagnostics.push_back(core::make_diagnostic(
                    core::DiagLevel::error, *m_source, key_pos,
                    fmt::format("duplicate key '{}' (first at line {}); docker compose rejects the file",
                                e.key, at->second)));
                continue;
            }
            e.value = convert(value, depth + 1);
            if (value.IsNull()) {
                place_empty_value(e);
            }
            n.entries.push_back(std::move(e));
        }
        // Merge keys: local keys win, then the merged maps in order.
        for (const YAML::Node& m : merge_holder) {
            if (m.IsMap()) {
                merge_from(convert(m, depth + 1), n, seen);
            } else if (m.IsSequence()) {
                for (const YAML::Node& item : m) {
                    if (m_stopped) {
                        break;
                    }
                    if (!item.IsMap()) {
                        merge_error(item);
                        continue;
                    }
                    merge_from(convert(item, depth + 1), n, seen);
                }
            } else {
                merge_error(m);
            }
        }
    }

    void merge_error(const YAML::Node& m) {
        m_diagnostics.push_back(core::make_diagnostic(core::DiagLevel::error, *m_source, offset_of(m.Mark()),
                                                      "a merge key '<<' takes a map or a list of maps"));
    }

    static void merge_from(Node from, Node& into, std::map<std::string, uint32_t>& seen) {
        for (Entry& e : from.entries) {
            if (seen.emplace(e.key, 0).second) {
                into.entries.push_back(std::move(e));
            }
        }
    }

    const util::SourcePtr& m_source;
    const std::string& m_text;
    std::vector<core::Diagnostic>& m_diagnostics;
    const ReadLimits& m_limits;
    size_t m_visits = 0;
    bool m_stopped = false;
};

}  // namespace

Node read_yaml(const util::SourcePtr& source, std::vector<core::Diagnostic>& diagnostics, bool& ok,
               const ReadLimits& limits) {
    ok = false;
    Node root;
    root.origin.file = source;
    YAML::Node doc;
    try {
        doc = YAML::Load(source->text());
    } catch (const YAML::Exception& e) {
        size_t pos = mark_offset(e.mark, source->text());
        std::string msg = e.msg.empty() ? std::string("cannot parse") : e.msg;
        diagnostics.push_back(
            core::make_diagnostic(core::DiagLevel::error, *source, pos, "invalid YAML: " + msg));
        return root;
    } catch (const std::exception& e) {
        diagnostics.push_back(core::make_diagnostic(core::DiagLevel::error, *source, 0,
                                                    std::string("invalid YAML: ") + e.what()));
        return root;
    }
    try {
        Converter c(source, diagnostics, limits);
        root = c.convert(doc, 0);
        ok = true;
    } catch (const std::exception& e) {
        // yaml-cpp throws on some malformed trees while iterating; treat as a parse error.
        diagnostics.push_back(core::make_diagnostic(core::DiagLevel::error, *source, 0,
                                                    std::string("invalid YAML: ") + e.what()));
        root = Node{};
        root.origin.file = source;
    }
    return root;
}

}  // namespace bulwark::input::compose
