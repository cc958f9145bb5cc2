#include "bulwark/input/dockerfile/remembered.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::input::dockerfile::detail {

namespace {

/// A 64-bit hash of `text`, eight bytes per step (a collision costs only a parse: a hit compares
/// the text too).
uint64_t hash_text(std::string_view text) {
    constexpr uint64_t k_seed = 0xC2B2AE3D27D4EB4FULL;
    constexpr uint64_t k_mul = 0x100000001B3ULL * 0x9E3779B1ULL;
    uint64_t h = k_seed ^ text.size();
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t w = 0;
        std::memcpy(&w, text.data() + i, 8);
        h = (h ^ w) * k_mul;
        h ^= h >> 32;
    }
    uint64_t tail = 0;
    if (i < text.size()) {
        std::memcpy(&tail, text.data() + i, text.size() - i);
    }
    h = (h ^ tail) * k_mul;
    return h ^ (h >> 29);
}

/// True when `text` starts (after blanks) with the keyword RUN or ONBUILD in any case: the two kinds
/// the memo leaves alone.
bool is_run_or_onbuild(std::string_view text) {
    size_t b = skip_blanks(text, 0);
    auto keyword_is = [&](std::string_view upper) {
        size_t left = text.size() - b;
        if (left < upper.size() || (left > upper.size() && !is_blank(text[b + upper.size()]))) {
            return false;
        }
        for (size_t i = 0; i < upper.size(); ++i) {
            if ((text[b + i] & ~0x20) != upper[i]) {  // `& ~0x20` upper-cases a letter
                return false;
            }
        }
        return true;
    };
    return keyword_is("RUN") || keyword_is("ONBUILD");
}

/// Moves `r` by `delta` bytes (modulo 2^32: a move back is a large delta).
void shift(model::Range& r, uint32_t delta) {
    r.begin += delta;
    r.end += delta;
}

/// Moves every source offset of a parsed instruction (without trigger or heredocs) by `delta`.
void shift_instruction(model::Instruction& inst, uint32_t delta) {
    shift(inst.range, delta);
    shift(inst.keyword_range, delta);
    for (model::Flag& f : inst.flags) {
        shift(f.range, delta);
        shift(f.value_range, delta);
    }
    for (model::TextPiece& p : inst.args.pieces) {
        p.source_offset += delta;
    }
    for (model::JsonArg& j : inst.json) {
        shift(j.range, delta);
    }
    for (model::Word& w : inst.words) {
        shift(w.range, delta);
    }
    for (model::KeyValue& kv : inst.pairs) {
        shift(kv.key_range, delta);
        if (kv.has_value) {  // an ARG without a default keeps the empty range the parser gave it
            shift(kv.value_range, delta);
        }
    }
}

/// The recent parses of this thread: a direct-mapped table by the hash of the text; a new text
/// takes over its slot.
class InstructionMemo {
  public:
    InstructionMemo() : m_slots(k_slots) {}

    /// Where `text` with `layout` goes.
    struct Key {
        uint64_t hash = 0;
        std::string_view text;
        const model::MappedText* mapped = nullptr;  // the layout, or nullptr for one run of the source
        uint32_t base = 0;                          // source offset of the text's first byte
        char escape = '\\';
    };

    /// The remembered parse for `key`, or nullptr; `base` gets the source offset it was parsed at.
    const model::Instruction* find(const Key& key, uint32_t& base) const {
        const Entry& e = m_slots[key.hash % k_slots];
        if (!e.inst || e.hash != key.hash || e.escape != key.escape ||
            e.in_place != (key.mapped == nullptr) || e.text != key.text || !same_layout(e, key)) {
            return nullptr;
        }
        base = e.base;
        return &*e.inst;
    }

    /// Remembers `inst` as the parse of `key`, while the texts stay under the bound.
    void add(const Key& key, const model::Instruction& inst) {
        if (key.text.size() > k_max_text || inst.trigger != nullptr) {  // copies would share a trigger
            return;
        }
        Entry& e = m_slots[key.hash % k_slots];
        if (e.seen != key.hash) {
            // Kept from its second parse on: a text met once costs no copy, and does not push
            // out a text that repeats.
            e.seen = key.hash;
            return;
        }
        if (m_bytes - e.text.size() + key.text.size() > k_max_bytes) {
            return;
        }
        m_bytes = m_bytes - e.text.size() + key.text.size();
        e.hash = key.hash;
        e.escape = key.escape;
        e.in_place = key.mapped == nullptr;
        e.text.assign(key.text);
        e.layout.clear();
        if (key.mapped != nullptr) {
            for (const model::TextPiece& p : key.mapped->pieces) {
                e.layout.push_back({p.text_offset, p.source_offset - key.base});
            }
        }
        e.base = key.base;
        e.inst = inst;
    }

  private:
    // An entry holds its text and an instruction of a few times its size: at most ~2 MB a thread.
    static constexpr size_t k_slots = 2048;
    static constexpr size_t k_max_text = 4 * 1024;
    static constexpr size_t k_max_bytes = 512 * 1024;

    struct Entry {
        uint64_t seen = 0;  // hash of the last text parsed for this slot and not kept
        bool in_place = false;
        char escape = '\\';
        uint64_t hash = 0;
        std::string text;
        std::vector<model::TextPiece> layout;  // pieces, source offsets relative to `base`
        uint32_t base = 0;
        std::optional<model::Instruction> inst;  // none in an unused slot: the table starts small
    };

    static bool same_layout(const Entry& e, const Key& key) {
        if (key.mapped == nullptr) {
            return true;
        }
        const model::TextPieces& pieces = key.mapped->pieces;
        if (pieces.size() != e.layout.size()) {
            return false;
        }
        for (size_t i = 0; i < pieces.size(); ++i) {
            if (pieces[i].text_offset != e.layout[i].text_offset ||
                pieces[i].source_offset - key.base != e.layout[i].source_offset) {
                return false;
            }
        }
        return true;
    }

    std::vector<Entry> m_slots;
    size_t m_bytes = 0;
};

}  // namespace

void parse_instruction_remembered(const ParseContext& ctx, TextView line, model::Instruction& inst,
                                  const LineHint& hint) {
    std::string_view text = line.value();
    if (is_run_or_onbuild(text)) {
        parse_instruction(ctx, line, inst, 0, &hint);
        return;
    }
    static thread_local InstructionMemo memo;
    InstructionMemo::Key key{hash_text(text), text, line.mapped(), line.to_source(0), ctx.escape};
    uint32_t base = 0;
    if (const model::Instruction* known = memo.find(key, base)) {
        inst = *known;
        shift_instruction(inst, key.base - base);
        // As parse_instruction() sets them from the hint.
        inst.line = inst.keyword_range.begin < hint.first_end ? hint.first_line
                                                              : ctx.source.line_of(inst.keyword_range.begin);
        inst.end_line = hint.last_line;
        return;
    }
    size_t diagnostics = ctx.diagnostics.size();
    parse_instruction(ctx, line, inst, 0, &hint);
    // Only a parse that said nothing: a diagnostic's words and place are not copied. (Below the
    // cap, any diagnostic the text causes is recorded, so none recorded means none.)
    if (diagnostics < k_max_diagnostics && ctx.diagnostics.size() == diagnostics) {
        memo.add(key, inst);
    }
}

}  // namespace bulwark::input::dockerfile::detail
