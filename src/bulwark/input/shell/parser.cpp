#include "bulwark/input/shell/parser.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <string>

#include "bulwark/input/shell/parser_impl.hpp"

namespace bulwark::input::shell {

namespace detail {

Parser::Parser(std::string_view text, int nesting, bool emit_substitutions)
    : m_text(text), m_nesting(nesting), m_emit_substitutions(emit_substitutions) {
    // Offsets are 32-bit; a longer text is parsed up to that limit.
    constexpr size_t k_limit = std::numeric_limits<uint32_t>::max() - 1;
    m_end = static_cast<uint32_t>(std::min(text.size(), k_limit));
    if (text.size() > k_limit) {
        error(m_end, "script too long; the rest is not parsed", true);
    }
    m_script.scopes.emplace_back();
}

sh::Script Parser::run() {
    std::vector<sh::Command> out;
    // About one command per 40 bytes or fewer in real scripts: one allocation, rarely regrown.
    out.reserve(8 + m_end / 40);
    m_sink = &out;
    if (m_flat_all) {
        parse_flat(FlatUntil::end, 0);
    }
    while (!m_flat_all) {
        parse_list();
        const Token& t = peek();
        if (t.kind == TokenKind::end) {
            break;
        }
        error(t.begin, "unexpected " + describe(t));
        drop();
        // The separator after a stray closer belongs to it ("fi;"): one error is enough.
        const Token& n = peek();
        if (n.kind == TokenKind::op && (n.op == Op::semi || n.op == Op::amp)) {
            drop();
        }
    }
    flush_pending(-1);
    for (const PendingHeredoc& p : m_pending_heredocs) {
        sh::Heredoc& h = m_script.heredocs[static_cast<size_t>(p.index)];
        h.begin = h.end = m_end;
        error(p.op, "here-document without a body (wanted '" + h.delimiter + "')");
    }
    m_pending_heredocs.clear();
    for (size_t i = 0; i < out.size(); ++i) {
        const int rel = out[i].parent;
        out[i].parent = rel == 0 ? -1 : static_cast<int>(i) + rel;
    }
    m_script.commands = std::move(out);
    return std::move(m_script);
}

}  // namespace detail

namespace {

/// A 64-bit hash of `text`: two independent lanes of eight bytes per step (three times as fast
/// as std::hash; a collision only costs a parse, as a hit also compares the text).
uint64_t text_hash(std::string_view text) {
    constexpr uint64_t k_mul = 0x9E3779B97F4A7C15ULL;
    auto mix = [](uint64_t h, uint64_t w) { return (std::rotl(h, 29) ^ w) * k_mul; };
    uint64_t a = text.size() * k_mul;
    uint64_t b = ~a;
    const char* p = text.data();
    size_t n = text.size();
    for (; n >= 16; p += 16, n -= 16) {
        uint64_t x = 0;
        uint64_t y = 0;
        std::memcpy(&x, p, 8);
        std::memcpy(&y, p + 8, 8);
        a = mix(a, x);
        b = mix(b, y);
    }
    uint64_t x = 0;
    uint64_t y = 0;
    if (n > 0) {  // (an empty view may have no data pointer)
        std::memcpy(&x, p, std::min<size_t>(n, 8));
    }
    if (n > 8) {
        std::memcpy(&y, p + 8, n - 8);
    }
    const uint64_t h = mix(a, x) ^ std::rotl(mix(b, y), 32);
    return h ^ (h >> 29);
}

/// Scripts parsed recently in this process: a direct-mapped table by the hash of their text (a
/// hit also compares the text; a new text takes over its slot). Repeated RUN bodies come from
/// similar Dockerfiles, which a scan meets close together, so a bounded table catches most of them
/// with bounded memory. Past the bound the oldest texts make room for a new one: keeping the first
/// texts met instead (and refusing new ones) missed 12 % of the corpus's bodies, the ones of the
/// later repositories, and parsed a fifth more bytes than needed. A stored script never changes
/// and is shared: a hit is copied outside the lock.
class ScriptMemo {
  public:
    ScriptMemo() : m_slots(k_slots) {}

    /// The script parsed from `text` (whose text_hash() is `hash`) before, or null.
    std::shared_ptr<const model::shell::Script> find(uint64_t hash, std::string_view text) {
        std::lock_guard<std::mutex> lock(m_mutex);
        const Entry& e = m_slots[hash % k_slots];
        return e.script != nullptr && e.hash == hash && e.text == text ? e.script : nullptr;
    }

    /// Remembers `script` as the parse of `text` in its slot, evicting the oldest texts while the
    /// texts would go over the bound.
    void add(uint64_t hash, std::string_view text, std::shared_ptr<const model::shell::Script> script) {
        if (text.size() > k_max_text) {
            return;
        }
        // Evicted scripts are destroyed after the lock is released.
        std::vector<std::shared_ptr<const model::shell::Script>> evicted;
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto slot = static_cast<uint32_t>(hash % k_slots);
        evict(slot, evicted);
        while (m_bytes + text.size() > k_max_bytes && m_order_head < m_order.size()) {
            const Added oldest = m_order[m_order_head++];
            if (m_slots[oldest.slot].serial == oldest.serial) {
                evict(oldest.slot, evicted);
            }
        }
        if (m_order_head > k_slots) {
            // Drop the consumed part of the queue, and the entries of slots taken over since
            // (a colliding text replaces its slot without going through the queue).
            std::vector<Added> live;
            live.reserve(k_slots);
            for (size_t i = m_order_head; i < m_order.size(); ++i) {
                if (m_slots[m_order[i].slot].serial == m_order[i].serial) {
                    live.push_back(m_order[i]);
                }
            }
            m_order = std::move(live);
            m_order_head = 0;
        }
        m_bytes += text.size();
        m_slots[slot] = Entry{hash, std::string(text), std::move(script), ++m_serial};
        m_order.push_back({slot, m_serial});
    }

  private:
    // A stored script takes about ten times the size of its text: the table holds at most ~2.5 MB.
    // 512 KB saved 8.8 M instructions (1.7 %) over the corpus for 2 MB more resident memory, which
    // huge pages (main.cpp) make count: text output of the corpus went over 50 MB.
    static constexpr size_t k_slots = 1024;
    static constexpr size_t k_max_text = 16 * 1024;
    static constexpr size_t k_max_bytes = 256 * 1024;

    struct Entry {
        uint64_t hash = 0;
        std::string text;
        std::shared_ptr<const model::shell::Script> script;
        uint64_t serial = 0;  // when it was added (0: empty)
    };
    /// A slot in the order its texts were added: still that text while the serials agree.
    struct Added {
        uint32_t slot = 0;
        uint64_t serial = 0;
    };

    /// Empties `slot`, handing its script to `evicted`.
    void evict(uint32_t slot, std::vector<std::shared_ptr<const model::shell::Script>>& evicted) {
        Entry& e = m_slots[slot];
        if (e.script != nullptr) {
            evicted.push_back(std::move(e.script));
        }
        m_bytes -= e.text.size();
        e = Entry{};
    }

    std::mutex m_mutex;
    std::vector<Entry> m_slots;
    std::vector<Added> m_order;  // oldest first from m_order_head
    size_t m_order_head = 0;
    uint64_t m_serial = 0;
    size_t m_bytes = 0;
};

}  // namespace

model::shell::Script parse(std::string_view script) {
    detail::Parser parser(script, 0, true);
    return parser.run();
}

model::shell::Script parse_remembered(std::string_view script) {
    // Never destroyed: freeing every remembered script at exit would be wasted work.
    static ScriptMemo& memo = *new ScriptMemo;
    const uint64_t hash = text_hash(script);
    if (std::shared_ptr<const model::shell::Script> known = memo.find(hash, script)) {
        return *known;
    }
    model::shell::Script parsed = parse(script);
    // The memo's copy shares the commands with the one returned.
    memo.add(hash, script, std::make_shared<const model::shell::Script>(parsed));
    return parsed;
}

}  // namespace bulwark::input::shell
