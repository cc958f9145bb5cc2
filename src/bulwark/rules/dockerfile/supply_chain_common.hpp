#pragma once
// Helpers shared by the user, base-image, secret and supply-chain families: walking RUN commands,
// recognising downloads and script interpreters, and building corrected lines for fixes.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/dockerfile.hpp"
#include "bulwark/model/shell_query.hpp"
#include "bulwark/rules/dockerfile/packages_commands.hpp"

namespace bulwark::rules::dockerfile::supply {

/// One command of a RUN instruction's shell bodies.
struct RunCommand {
    const model::ShellBody* body = nullptr;
    size_t index = 0;  // in body->script.commands

    const model::shell::Command& command() const { return body->script.commands[index]; }
};

/// Every command of `run`'s shell bodies, body by body, in source order (none for Windows stages).
std::vector<RunCommand> run_commands(const model::Instruction& run);

/// The shipped stage, or nullptr when the file has none.
const model::Stage* shipped_stage(const model::Dockerfile& df);

/// The stage whose FROM names the external image (or scratch) at the root of `stage`'s chain.
const model::Stage* root_stage(const model::Dockerfile& df, const model::Stage& stage);

/// Source text of `r`.
std::string_view source_text(const util::SourceFile& source, model::Range r);

/// The instruction's text from its keyword to the end of its first line, with `r` (which must lie
/// on that line) replaced: the corrected line of a fix.
std::string corrected_line(const util::SourceFile& source, const model::Instruction& inst, model::Range r,
                           std::string_view replacement);

/// Text of command `c` as written in its body.
std::string command_text(const model::ShellBody& body, const model::shell::Command& c);

/// Text of command `c` without option `w` (and the words after it up to `through`, such as the
/// option's value), or without only `letter` when `w` is a short option group ("-fsSLk" -> "-fsSL"):
/// the corrected command of a fix.
std::string command_without(const model::ShellBody& body, const model::shell::Command& c,
                            const model::shell::Word& w, char letter = 0,
                            const model::shell::Word* through = nullptr);

/// Text of command `c` without each of `words` (whole words of its argv): the corrected command of
/// a fix.
std::string command_without_words(const model::ShellBody& body, const model::shell::Command& c,
                                  std::vector<const model::shell::Word*> words);

/// The word that carries an option (a short letter in a group, or "--long" / "--long=value") in
/// argv[1..], skipping the values of `takes_value` options; nullptr when absent.
const model::shell::Word* option_flag(std::span<const model::shell::Word> argv,
                                      std::string_view short_letters,
                                      std::initializer_list<std::string_view> long_names,
                                      model::shell::OptionList takes_value = {});

/// option_flag() with a prepared list (shell::ValueOptions::of): for the long lists of curl, wget, pip.
const model::shell::Word* option_flag(std::span<const model::shell::Word> argv,
                                      std::string_view short_letters,
                                      std::initializer_list<std::string_view> long_names,
                                      const model::shell::ValueOptions& takes_value);

/// Options of curl and wget that take a value (for has_option/option_value/operands).
extern const model::shell::OptionList k_curl_values;
extern const model::shell::OptionList k_wget_values;

/// How GNU wget lays out the file it names after the URL.
struct WgetLayout {
    bool directories = false;  // -x, or -r/-m without -nd: host and URL directories
    bool host = true;          // false with -nH
    bool protocol = false;     // --protocol-directories: the scheme first
    int cut_dirs = 0;          // --cut-dirs: URL directories left out
};

/// A curl/wget invocation.
struct Download {
    std::string tool;  // "curl" or "wget"
    std::string url;   // first URL operand ("" if none)
    /// File written, as the tool names it: the -o/-O value (under curl's --output-dir), else the
    /// name taken from the URL (curl -O: its last path component; wget: that with the query string,
    /// under the host and URL directories with -x, under -P/--directory-prefix); "" for stdout.
    std::string file;
    /// curl -O -J, wget --content-disposition or --trust-server-names: the server may choose the
    /// name, `file` is the one taken from the URL that it falls back to.
    bool server_names_file = false;
    /// wget -P or -x: the download makes the directories `file` is in.
    bool makes_directories = false;
    /// The name would come from the URL, but that part of it is a variable's value (`wget $URL`,
    /// `curl -O ${MIRROR}tool.zip`, `wget -x $URL`): `file` is "" (not guessed) and `directory`
    /// holds the -P / --output-dir the file goes to ("" for the working directory).
    bool name_from_variable = false;
    std::string directory;
    /// wget: where the name taken from the URL goes (-x, -nH, --cut-dirs).
    WgetLayout layout;
    const model::shell::Word* url_word = nullptr;
    /// The word holding the value of curl's -o/--output or wget's -O/--output-document (the option
    /// word itself for "-O-", "--output-document=-"), nullptr when absent.
    const model::shell::Word* output_word = nullptr;
    bool to_stdout = false;
};

/// The last component of `url`'s path, without query or fragment ("index.html" when there is none):
/// the name curl -O gives the downloaded file (since curl 7.86.0; older releases kept the query).
std::string url_basename(std::string_view url);

/// True when the last path component of `url` (as written in a RUN) is not in its text: the URL
/// starts with variable expansions (`$URL`, `${MIRROR}tool.zip`) and no '/' follows them.
bool url_name_is_variable(std::string_view url);

/// The file GNU wget saves `url` to (its url_file_name): the last path component ("index.html" when
/// there is none) with "?query" kept ('/' in it written %2F) and the fragment dropped, under
/// host[:port]/dirs/ as `layout` says.
std::string wget_file_name(std::string_view url, const WgetLayout& layout);

/// The file download `d` of a command of `script` (a body of RUN `run`) writes when its name is a
/// variable's value (Download::name_from_variable): the name taken from the URL with the values the
/// Dockerfile gives its variables at `run` (ARG, ENV, --build-arg), under Download::directory; ""
/// when a value is not known or `script` sets one of those variables itself.
std::string resolved_download_file(const model::Dockerfile& df, const model::Instruction& run,
                                   const model::shell::Script& script, const Download& d);

/// The value word `w` of command `index` of `body` (a shell body of RUN `run`) has when the RUN
/// runs: its `$VAR`, `${VAR##*/}` ... expansions take the values the Dockerfile gives at `run`
/// (ARG, ENV, --build-arg) and its `$(basename WORD [SUFFIX])` substitutions are computed, so
/// `tar -xzf "$(basename $URL)"` names the file `wget $URL` wrote; the value itself for a word
/// without expansions. nullopt when a value is not known, the script sets one of those variables
/// itself, or a substitution runs anything else.
std::optional<std::string> resolved_word(const model::Dockerfile& df, const model::Instruction& run,
                                         const model::ShellBody& body, size_t index,
                                         const model::shell::Word& w);

/// `c` as a download, or nullopt when it is not curl/wget (also `busybox wget`).
std::optional<Download> as_download(const model::shell::Command& c);

/// as_download(c) for a command of `df`, computed once per analyzed Dockerfile and shared by the
/// download rules (valid while `df` is unchanged); nullptr when `c` downloads nothing.
const Download* download_of(const model::Dockerfile& df, const model::shell::Command& c);
/// The same when the command's command_facts() are at hand: most commands are rejected by name.
const Download* download_of(const model::Dockerfile& df, const model::shell::Command& c,
                            const CommandFacts& facts);

/// The program_bit()s of the programs download_of() knows (curl, wget, `busybox wget`): an
/// instruction without them downloads nothing.
inline constexpr uint64_t k_download_programs =
    program_bit("curl") | program_bit("wget") | program_bit("busybox");

/// True when `c` runs a program read from its standard input: `sh`, `bash -s`, `sudo bash -`,
/// `python3`, `perl` without a script file or -c/-e.
bool runs_stdin(const model::shell::Command& c);

/// True when `c` runs the text of its arguments as a program: a shell or interpreter (with or
/// without -c/-e), `eval`, `source`, `.`.
bool runs_arguments(const model::shell::Command& c);

/// Interpreters of scripting languages (python*, perl, ruby, node, php).
bool is_interpreter(std::string_view program);

/// True for false-like setting values: false, 0, no, off (any case, quotes removed).
bool is_false_value(std::string_view value);
/// True for true-like setting values: true, 1, yes, on.
bool is_true_value(std::string_view value);

}  // namespace bulwark::rules::dockerfile::supply
