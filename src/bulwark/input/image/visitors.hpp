#pragma once
// The layer walk's own content visitors: the small files rules read, and secret patterns in every
// file's bytes.
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bulwark/input/image/content.hpp"
#include "bulwark/rules/secrets/scanner.hpp"

namespace bulwark::input::image {

/// Keeps the bytes of the small files rules read (accounts, os-release, sudoers, sshd_config,
/// registry and package-manager credentials ...) in ImageSpec::contents, each cut at 1 MB.
class ContentKeeper : public ContentVisitor {
  public:
    static constexpr size_t k_max_bytes = 1U << 20U;

    /// True for the paths whose contents are kept.
    static bool keeps(std::string_view path);

    bool wants(const model::ImageFile& file) override;
    void data(std::string_view chunk) override;
    void end(const model::ImageFile& file, model::ImageSpec& image) override;
    /// A kept link gets a copy of its target's kept bytes; a target that was not kept is read again.
    bool wants_link(const model::ImageFile& link, const model::ImageFile& target,
                    model::ImageSpec& image) override;
    /// The kept files that were cut, one sentence each ("/etc/sudoers (layer 2): only its first 1 MB
    /// of 3145728 bytes is checked"): the rules see that part only.
    const std::vector<std::string>& notes() const { return m_notes; }

  private:
    void keep(const model::ImageFile& file, std::string data, model::ImageSpec& image);

    std::string m_data;
    std::vector<std::string> m_notes;
};

/// Streams every regular file through the shared secret patterns (rules::secrets) with bounded
/// memory, recording each match's line and column (0 for binary files) in ImageSpec::secrets.
class SecretCollector : public ContentVisitor {
  public:
    SecretCollector();

    bool wants(const model::ImageFile& file) override;
    void data(std::string_view chunk) override;
    void end(const model::ImageFile& file, model::ImageSpec& image) override;
    /// The target's secrets are copied to the link (the same bytes hold the same matches).
    bool wants_link(const model::ImageFile& link, const model::ImageFile& target,
                    model::ImageSpec& image) override;

  private:
    void convert();

    rules::secrets::SecretStream m_stream;
    std::vector<rules::secrets::SecretMatch> m_matches;
    std::vector<model::ImageSecret> m_found;  // converted while the file streams
    std::string m_path;
    int m_layer = 0;
    uint64_t m_offset = 0;  // bytes of the current file so far
    bool m_binary = false;
    // Line starts of the recent part of the file (older ones are only counted), so positions stay
    // computable with bounded memory however long the file.
    std::deque<uint64_t> m_newlines;
    uint64_t m_dropped_lines = 0;
    uint64_t m_dropped_upto = 0;  // newlines before this offset were dropped
    // Where each file version's secrets are in ImageSpec::secrets ([begin, end), appended together),
    // for its hard links; only versions with secrets.
    std::map<std::pair<std::string, int>, std::pair<size_t, size_t>> m_ranges;
};

}  // namespace bulwark::input::image
