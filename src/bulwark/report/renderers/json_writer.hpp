#pragma once
// Streaming JSON for the JSON and SARIF renderers: text appended to a string in exactly the bytes
// nlohmann's dump(2, ' ', false, error_handler_t::replace) gives for the same document, without
// building a DOM of the whole report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace bulwark::report::detail {

/// Appends `s` as a JSON string literal (invalid UTF-8 replaced by U+FFFD, as nlohmann does).
void put_json_string(std::string& out, std::string_view s);
/// Most bytes write_json_string() writes for `s`: each byte escaped to at most 6, and the quotes.
constexpr size_t json_string_bound(std::string_view s) {
    return 6 * s.size() + 2;
}
/// Writes the literal put_json_string() appends to `out`, which has room for json_string_bound(s)
/// bytes; returns the end of the literal (bytes of that room past it may have been written too).
char* write_json_string(char* out, std::string_view s);
/// `s` as a JSON string literal.
std::string json_string(std::string_view s);
/// Appends `n` in decimal.
void put_json_number(std::string& out, uint64_t n);
/// Appends `j` dumped with indentation 2 as a value whose line starts at `indent` spaces (every line
/// after the first is indented by `indent` more).
void put_json_dom(std::string& out, const nlohmann::ordered_json& j, size_t indent);

/// A JSON object or array being written at `indent` (the indentation of its closing bracket).
class JsonContainer {
  public:
    JsonContainer(std::string& out, size_t indent, char open)
        : m_out(out), m_indent(indent), m_close(open == '{' ? '}' : ']') {
        m_out += open;
    }
    /// Starts the next member: `"key": ` (objects) and returns the output for its value. Keys are
    /// the renderers' own identifiers, written as they are.
    std::string& key(std::string_view k);
    /// Starts the next element (arrays).
    std::string& element();
    /// The indentation of the members.
    size_t inner() const { return m_indent + 2; }
    void close();

  private:
    std::string& m_out;
    size_t m_indent;
    char m_close;
    bool m_empty = true;
};

}  // namespace bulwark::report::detail
