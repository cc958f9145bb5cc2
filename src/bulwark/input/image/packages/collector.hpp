#pragma once
// The SBOM collector: a ContentVisitor that picks package databases and package metadata out of
// the layers as they stream by (dpkg, apk, rpm, Python, Node, Go binaries, Java archives) and
// fills ImageSpec::packages. Every file kept in memory is capped; Go binaries are scanned for
// their build info with a bounded window, never held whole.
#include <memory>
#include <string>
#include <vector>

#include "bulwark/input/image/content.hpp"
#include "bulwark/input/image/packages/parsers.hpp"

namespace bulwark::input::image::packages {

/// Collects installed packages while layers stream by; `finish` leaves `image.packages` holding
/// the packages of the final filesystem with purls, sorted by type, name, version, deduplicated.
class PackageCollector : public ContentVisitor {
  public:
    PackageCollector();
    ~PackageCollector() override;
    PackageCollector(const PackageCollector&) = delete;
    PackageCollector& operator=(const PackageCollector&) = delete;

    bool wants(const model::ImageFile& file) override;
    void data(std::string_view chunk) override;
    void end(const model::ImageFile& file, model::ImageSpec& image) override;
    /// A link of the kind of file its target was read as gets the target's packages and licenses; one
    /// of another kind is read again.
    bool wants_link(const model::ImageFile& link, const model::ImageFile& target,
                    model::ImageSpec& image) override;
    void finish(model::ImageSpec& image) override;

    /// What the SBOM could not cover, in the order met, for the report's notes: "/var/lib/rpm/Packages
    /// (layer 0): rpm database in BerkeleyDB or NDB format is not supported; ...", "/app/big.jar
    /// (layer 2): skipped, 80 MB is over the 64 MB cap".
    const std::vector<std::string>& notes() const { return m_notes; }

  private:
    struct Pending;
    /// A package with the file version it came from (a nested jar's package keeps the outer
    /// archive here: that is the file a later layer may remove).
    struct Found {
        model::Package package;
        std::string file;
        int layer = 0;
    };
    /// The licenses of one /usr/share/doc/PKG/copyright version.
    struct Copyright {
        std::string package;
        std::string file;
        int layer = 0;
        std::vector<std::string> licenses;
    };
    /// Adds a package found, unless there are k_max_packages already (then says so, once): false.
    bool add(Found found);

    std::unique_ptr<Pending> m_pending;  // the file being read, if any
    std::vector<Found> m_found;
    std::vector<Copyright> m_copyrights;
    std::vector<std::string> m_notes;
    bool m_capped = false;  // k_max_packages reached (and said)
};

}  // namespace bulwark::input::image::packages
