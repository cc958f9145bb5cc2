#pragma once
// RFC 822-style field paragraphs (dpkg's deb822, Python core metadata, DEP-5 copyright files),
// shared by the parsers in this folder only.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::input::image::packages::detail {

/// One paragraph: fields in order; continuation lines are joined to their field's value with '\n'.
using Paragraph = std::vector<std::pair<std::string_view, std::string>>;

/// Calls `on_paragraph(const Paragraph&)` for each blank-line separated paragraph of `text`; with
/// `first_only`, stops after the first one (Python metadata: the body follows the headers). Lines
/// without a colon that are not continuations are ignored. Returns false if `on_paragraph` asked to
/// stop by returning false.
template <typename F>
bool for_each_paragraph(std::string_view text, F&& on_paragraph, bool first_only = false) {
    Paragraph para;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
        if (blank) {
            if (!para.empty()) {
                if (!on_paragraph(std::as_const(para))) {
                    return false;
                }
                para.clear();
                if (first_only) {
                    return true;
                }
            }
            continue;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            if (!para.empty()) {
                std::string_view cont = line.substr(line.find_first_not_of(" \t"));
                para.back().second += '\n';
                para.back().second += cont;
            }
            continue;
        }
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            continue;
        }
        std::string_view value = line.substr(colon + 1);
        size_t b = value.find_first_not_of(" \t");
        value = b == std::string_view::npos ? std::string_view{} : value.substr(b);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
            value.remove_suffix(1);
        }
        para.emplace_back(line.substr(0, colon), std::string(value));
    }
    if (!para.empty()) {
        return on_paragraph(std::as_const(para));
    }
    return true;
}

/// The value of the first field named `name` (ASCII case-insensitive), or "".
std::string_view field(const Paragraph& para, std::string_view name);

}  // namespace bulwark::input::image::packages::detail
