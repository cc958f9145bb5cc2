#pragma once
// The Dockerfile model: instructions with exact source ranges, then stages and resolved values
// filled in by analysis. Parsers build it; rules only read it.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/image_ref.hpp"
#include "bulwark/model/shell.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::model {

/// Byte range [begin, end) in the Dockerfile's SourceFile.
struct Range {
    uint32_t begin = 0;
    uint32_t end = 0;
};

/// A run of MappedText bytes that are contiguous in the source.
struct TextPiece {
    uint32_t text_offset = 0;    // where this piece starts in MappedText::value
    uint32_t source_offset = 0;  // where it starts in the source
};

/// The pieces of a MappedText: reads and grows like a std::vector<TextPiece>, but holds up to two
/// pieces in place (most texts are one line: no heap block to allocate, copy and free).
class TextPieces {
  public:
    using value_type = TextPiece;
    using iterator = TextPiece*;
    using const_iterator = const TextPiece*;

    TextPieces() = default;
    TextPieces(std::initializer_list<TextPiece> pieces) { assign(pieces.begin(), pieces.end()); }
    TextPieces(const TextPieces& other) { assign(other.begin(), other.end()); }
    TextPieces(TextPieces&& other) noexcept { take(other); }
    TextPieces& operator=(const TextPieces& other) {
        if (this != &other) {
            m_size = 0;
            assign(other.begin(), other.end());
        }
        return *this;
    }
    TextPieces& operator=(TextPieces&& other) noexcept {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~TextPieces() { release(); }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    size_t capacity() const { return m_capacity; }
    TextPiece* data() { return m_capacity > k_inline ? m_heap : m_inline; }
    const TextPiece* data() const { return m_capacity > k_inline ? m_heap : m_inline; }
    iterator begin() { return data(); }
    iterator end() { return data() + m_size; }
    const_iterator begin() const { return data(); }
    const_iterator end() const { return data() + m_size; }
    TextPiece& operator[](size_t i) { return data()[i]; }
    const TextPiece& operator[](size_t i) const { return data()[i]; }
    TextPiece& front() { return data()[0]; }
    const TextPiece& front() const { return data()[0]; }
    TextPiece& back() { return data()[m_size - 1]; }
    const TextPiece& back() const { return data()[m_size - 1]; }

    void clear() { m_size = 0; }
    void reserve(size_t n) {
        if (n > m_capacity) {
            grow(n);
        }
    }
    void push_back(const TextPiece& p) {
        if (m_size == m_capacity) {
            grow(size_t{m_capacity} * 2);
        }
        data()[m_size++] = p;
    }
    template <typename... Args>
    TextPiece& emplace_back(Args&&... args) {
        push_back(TextPiece{std::forward<Args>(args)...});
        return back();
    }
    friend bool operator==(const TextPieces& a, const TextPieces& b) {
        if (a.m_size != b.m_size) {
            return false;
        }
        for (size_t i = 0; i < a.m_size; ++i) {
            if (a[i].text_offset != b[i].text_offset || a[i].source_offset != b[i].source_offset) {
                return false;
            }
        }
        return true;
    }

  private:
    static constexpr uint32_t k_inline = 2;

    void assign(const TextPiece* b, const TextPiece* e) {
        auto n = static_cast<size_t>(e - b);
        reserve(n);
        TextPiece* out = data();
        for (size_t i = 0; i < n; ++i) {
            out[i] = b[i];
        }
        m_size = static_cast<uint32_t>(n);
    }
    void take(TextPieces& other) {
        if (other.m_capacity > k_inline) {
            m_heap = other.m_heap;
            m_capacity = other.m_capacity;
            other.m_capacity = k_inline;
        } else {
            m_inline[0] = other.m_inline[0];  // both slots: a fixed-size copy
            m_inline[1] = other.m_inline[1];
            m_capacity = k_inline;
        }
        m_size = other.m_size;
        other.m_size = 0;
    }
    void release() {
        if (m_capacity > k_inline) {
            delete[] m_heap;
            m_capacity = k_inline;
        }
    }
    void grow(size_t n) {
        n = std::max<size_t>({n, size_t{m_size}, size_t{k_inline} * 2});
        auto* heap = new TextPiece[n];
        const TextPiece* old = data();
        for (size_t i = 0; i < m_size && i < n; ++i) {
            heap[i] = old[i];
        }
        release();
        m_heap = heap;
        m_capacity = static_cast<uint32_t>(n);
    }

    union {
        TextPiece m_inline[k_inline] = {};
        TextPiece* m_heap;
    };
    uint32_t m_size = 0;
    uint32_t m_capacity = k_inline;
};

/// Text assembled from pieces of the source (continuation lines joined, comment lines inside a
/// continuation dropped). Maps every byte of `value` back to its source offset.
struct MappedText {
    std::string value;
    using Piece = TextPiece;
    TextPieces pieces;  // sorted by text_offset; contiguous bytes within a piece

    /// Source offset of byte `text_offset` of `value` (end of text maps past the last byte).
    uint32_t to_source(size_t text_offset) const {
        if (pieces.size() == 1) {  // the usual case: one contiguous piece
            const Piece& p = pieces.front();
            return static_cast<uint32_t>(p.source_offset +
                                         (text_offset - std::min<size_t>(text_offset, p.text_offset)));
        }
        return to_source_pieces(text_offset);
    }
    /// Source range of value[begin, end).
    Range source_range(size_t begin, size_t end) const {
        uint32_t b = to_source(begin);
        uint32_t e = end > begin ? to_source(end - 1) + 1 : b;
        return Range{b, std::max(b, e)};
    }

  private:
    uint32_t to_source_pieces(size_t text_offset) const;  // to_source() with 0 or several pieces
};

enum class InstructionKind {
    from,
    run,
    cmd,
    label,
    maintainer,
    expose,
    env,
    add,
    copy,
    entrypoint,
    volume,
    user,
    workdir,
    arg,
    onbuild,
    stopsignal,
    healthcheck,
    shell,
    unknown
};

/// Upper-case keyword of a kind ("FROM").
std::string_view keyword_name(InstructionKind k);

/// `--name=value` or `--name` before the arguments.
struct Flag {
    std::string name;  // without the leading "--"
    std::string value;
    bool has_value = false;
    Range range;  // the whole flag token
    Range value_range;
};

/// A whitespace-separated argument (quotes removed where Docker removes them).
struct Word {
    std::string value;
    Range range;
    /// As written (quotes and escapes kept): the input for variable expansion. Empty when it is the
    /// same as `value` (no quote or escape to remove): read it through as_written().
    std::string raw;

    /// The word as written: `raw`, or `value` when nothing was unquoted.
    [[nodiscard]] const std::string& as_written() const { return raw.empty() ? value : raw; }
};

/// ENV/LABEL `key=value` (or legacy `key value`), ARG `name[=default]`.
struct KeyValue {
    std::string key;
    std::string value;
    bool has_value = false;
    Range key_range;
    Range value_range;
    /// As written (quotes and escapes kept): the input for variable expansion. Each is empty when it
    /// is the same as `key` / `value`: read them through key_as_written() / value_as_written().
    std::string raw_key;
    std::string raw_value;

    [[nodiscard]] const std::string& key_as_written() const { return raw_key.empty() ? key : raw_key; }
    [[nodiscard]] const std::string& value_as_written() const {
        return raw_value.empty() ? value : raw_value;
    }
};

/// An element of a JSON (exec form) array.
struct JsonArg {
    std::string value;
    Range range;  // the quoted string in the source
};

/// `<<EOF` ... `EOF` attached to an instruction.
struct Heredoc {
    std::string delimiter;
    bool quoted = false;      // <<"EOF" / <<'EOF': no expansion in body
    bool strip_tabs = false;  // <<-EOF
    bool is_file = false;     // COPY/ADD heredoc (file content) rather than a script
    MappedText body;          // the lines between header and delimiter (tabs stripped if <<-)
    Range range;              // the `<<EOF` token
};

/// A value after ARG/ENV expansion. `known` is false when it depends on a variable with no value
/// (those names are in `unknown_vars`); `text` then holds what could be expanded, unknown parts empty.
struct Value {
    std::string text;
    bool known = true;
    std::vector<std::string> unknown_vars;
    std::string error;  // expansion error as BuildKit reports it ("bad substitution"); empty if none
};

/// Variables visible at one point of the build: name -> value. A scope may extend an immutable,
/// shared parent: its own names shadow the parent's, so the snapshot each ENV/ARG instruction keeps
/// holds only the names that instruction sets (chains are flattened past a few levels).
/// Read like a std::map (find/end/at/size); operator[] and set() write to the scope's own names.
class VarScope {
  public:
    using Map = std::map<std::string, Value, std::less<>>;
    using value_type = Map::value_type;
    using mapped_type = Value;

    /// Points at an entry of the scope or of one of its parents; end() is the null iterator.
    class const_iterator {
      public:
        const_iterator() = default;
        explicit const_iterator(const value_type* entry) : m_entry(entry) {}
        const value_type& operator*() const { return *m_entry; }
        const value_type* operator->() const { return m_entry; }
        bool operator==(const const_iterator&) const = default;

      private:
        const value_type* m_entry = nullptr;
    };
    using iterator = const_iterator;

    VarScope() = default;
    /// The variables of `vars` only.
    explicit VarScope(Map vars) : m_own(std::move(vars)) {}
    /// A scope seeing `parent`'s variables (none if nullptr), to add its own to.
    explicit VarScope(std::shared_ptr<const VarScope> parent);

    const_iterator find(std::string_view name) const;
    const_iterator end() const { return const_iterator(); }
    bool contains(std::string_view name) const { return find(name) != end(); }
    /// The value of `name`; throws std::out_of_range if it is not visible.
    const Value& at(std::string_view name) const;
    /// Number of visible names.
    size_t size() const;
    bool empty() const { return size() == 0; }

    /// Sets `name` in this scope (shadowing a parent's value).
    void set(std::string name, Value value) { m_own.insert_or_assign(std::move(name), std::move(value)); }
    /// This scope's own entry for `name`, created from the visible value (or empty) if missing.
    Value& operator[](std::string_view name);

  private:
    std::shared_ptr<const VarScope> m_parent;
    Map m_own;
    uint32_t m_depth = 0;  // parents above this scope
};

/// An argv shared by every instruction it applies to: copies share one immutable vector.
/// Reads like a const std::vector<std::string> (and converts to one).
class SharedArgv {
  public:
    using value_type = std::string;
    using const_iterator = std::vector<std::string>::const_iterator;
    using iterator = const_iterator;

    SharedArgv() = default;
    SharedArgv(std::vector<std::string> argv)  // NOLINT(google-explicit-constructor): drop-in for the vector
        : m_argv(std::make_shared<const std::vector<std::string>>(std::move(argv))) {}
    explicit SharedArgv(std::shared_ptr<const std::vector<std::string>> argv) : m_argv(std::move(argv)) {}

    const std::vector<std::string>& get() const { return m_argv ? *m_argv : empty_argv(); }
    operator const std::vector<std::string>&() const { return get(); }  // NOLINT(google-explicit-constructor)
    bool empty() const { return get().empty(); }
    size_t size() const { return get().size(); }
    const std::string& front() const { return get().front(); }
    const std::string& back() const { return get().back(); }
    const std::string& operator[](size_t i) const { return get()[i]; }
    const_iterator begin() const { return get().begin(); }
    const_iterator end() const { return get().end(); }
    friend bool operator==(const SharedArgv& a, const SharedArgv& b) { return a.get() == b.get(); }
    friend bool operator==(const SharedArgv& a, const std::vector<std::string>& b) { return a.get() == b; }

  private:
    static const std::vector<std::string>& empty_argv();
    std::shared_ptr<const std::vector<std::string>> m_argv;
};

/// A shell program run by the build (RUN shell form, a RUN heredoc, or `sh -c` in exec form).
struct ShellBody {
    MappedText text;
    shell::Script script;
    int heredoc = -1;  // index into Instruction::heredocs, or -1 for the arguments
};

struct Instruction {
    InstructionKind kind = InstructionKind::unknown;
    std::string keyword;  // as written ("run", "Run" ...)
    Range range;          // the whole instruction, continuation lines and heredoc bodies included
    Range keyword_range;
    uint32_t line = 0;      // 1-based line of the keyword
    uint32_t end_line = 0;  // last line of the instruction (heredoc bodies included)
    std::vector<Flag> flags;
    MappedText args;         // text after keyword and flags, continuations joined
    bool json_form = false;  // args is a JSON array of strings (exec form)
    std::vector<JsonArg> json;
    std::vector<Word> words;      // args split into words (not filled for RUN/CMD/ENTRYPOINT shell form)
    std::vector<KeyValue> pairs;  // ENV, LABEL, ARG
    std::vector<Heredoc> heredocs;
    std::shared_ptr<Instruction> trigger;  // ONBUILD's inner instruction

    // ---- filled by analysis ----
    int stage = -1;                         // owning stage; -1 for ARGs before the first FROM
    std::shared_ptr<const VarScope> scope;  // variables visible when this instruction runs
    std::vector<ShellBody> shell;           // RUN programs (empty for Windows images)
    /// The SHELL in effect (argv the shell form is appended to): ["/bin/sh", "-c"] by default,
    /// ["cmd", "/S", "/C"] in Windows stages; changed by SHELL, inherited through FROM <stage>.
    /// Shared by the instructions of a stage (and of stages built FROM it) until a SHELL changes it.
    SharedArgv run_shell;

    /// True when run_shell turns pipefail on (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`).
    bool pipefail_by_shell() const;

    /// First flag called `name`, or nullptr.
    const Flag* flag(std::string_view name) const;
    /// Every flag called `name` (e.g. several --mount).
    std::vector<const Flag*> flags_named(std::string_view name) const;
};

/// True when `shell_argv` (a SHELL / exec-form prefix) turns pipefail on: `-o pipefail`, or a
/// short-option group ending in `o` (`-eo`, `-euxo`) followed by `pipefail`; `+o pipefail` turns it off.
bool shell_enables_pipefail(const std::vector<std::string>& shell_argv);

/// True when `program` (a path or name, ".exe" ignored) is a POSIX-like shell: sh, bash, dash, ash,
/// zsh, ksh, mksh, busybox.
bool is_posix_shell_program(std::string_view program);

/// True for the names Docker and BuildKit give Dockerfiles: Dockerfile, Dockerfile.*, *.Dockerfile,
/// *.dockerfile, Containerfile, Containerfile.* (any case), but not an ignore file
/// (`Dockerfile.dockerignore`, `app.Dockerfile.dockerignore`).
bool is_dockerfile_name(std::string_view filename);

/// Parser directives from the top of the file.
struct Directives {
    char escape = '\\';
    std::string syntax;
    std::string check;
    bool escape_set = false;
};

/// Who a stage runs as, after USER instructions, inheritance from FROM <stage> and the base image table.
struct EffectiveUser {
    enum class Source { user_instruction, inherited_stage, base_image_default, assumed_root, unknown };
    std::string name;  // as written ("app", "1000:1000", "root", "nonroot"); empty if unknown
    Source source = Source::assumed_root;
    bool is_root = true;   // name is root/0 (or nothing set and the base image runs as root)
    bool known = true;     // false when it comes from an unresolved variable or unknown base stage
    int instruction = -1;  // index into Dockerfile::instructions of the deciding USER, or -1
};

struct Stage {
    int index = 0;
    std::string name;               // AS name, lower-cased as BuildKit does; empty if none
    int from_instruction = -1;      // index into Dockerfile::instructions
    Value base;                     // FROM argument after expansion
    std::optional<ImageRef> image;  // set when base is a known external image (not a stage, not scratch)
    bool scratch = false;
    int base_stage = -1;            // FROM <earlier stage>
    std::vector<int> instructions;  // indices into Dockerfile::instructions (FROM included)
    std::vector<int> copies_from;   // stages read through COPY --from / RUN --mount=from
    bool shipped = false;           // the target stage (last, or --target)
    bool in_shipped_image = false;  // shipped, or an ancestor of it through FROM <stage>
    bool feeds_shipped = false;     // its output is copied into a stage of the shipped image
    EffectiveUser user;             // at the end of the stage
    bool windows = false;           // Windows base image, PowerShell/cmd SHELL, or escape=`
};

/// A whole-line comment (parser directives excluded), e.g. `# bulwark ignore=BD001`.
struct Comment {
    /// After '#', leading and trailing white space trimmed. Parsed comments view the bytes of
    /// Dockerfile::source (which the Dockerfile holds); a Comment made by hand must point at text
    /// that outlives it.
    std::string_view text;
    uint32_t line = 0;
    Range range;
};

struct Dockerfile {
    util::SourcePtr source;
    Directives directives;
    std::vector<Comment> comments;
    std::vector<Instruction> instructions;  // in order, global ARGs included
    std::vector<core::Diagnostic> diagnostics;
    // ---- filled by analysis ----
    std::vector<Stage> stages;
    int shipped_stage = -1;
    bool windows = false;  // escape=` or a PowerShell/cmd SHELL, or a Windows base image
    std::shared_ptr<const VarScope> global_scope;  // global ARGs (before the first FROM)
    /// What rules derive from this model once and share between rules (the commands of every RUN,
    /// rules/dockerfile/packages_commands.hpp); type-erased, as the model does not know rule types.
    /// Cleared by analysis; filled lazily by the rules of one file, which run on one thread.
    mutable std::shared_ptr<void> rule_cache;

    /// Stage by name (case-insensitive) or decimal index; nullptr if none.
    const Stage* find_stage(std::string_view name_or_index) const;
    /// The indexes of the stages whose instructions make up the image of `stage`: its FROM <stage>
    /// ancestors, root first, then `stage` itself; empty for an index out of range.
    std::vector<int> stage_chain(int stage) const;
};

}  // namespace bulwark::model
