#include "statement_writer.h"

#include <cstring>

#include "newsgraph/common/text.h"

namespace newsgraph::exporter::rdf {

SerdSyntax serdSyntax(RdfSyntax syntax) {
  switch (syntax) {
    case RdfSyntax::kTurtle:
      return SERD_TURTLE;
    case RdfSyntax::kNTriples:
      return SERD_NTRIPLES;
    case RdfSyntax::kNQuads:
      return SERD_NQUADS;
    case RdfSyntax::kTriG:
      return SERD_TRIG;
  }
  return SERD_TURTLE;
}

namespace {

// Serd reports write errors through this sink; the status it returns is what matters.
SerdStatus quietErrorSink(void* /*handle*/, const SerdError* /*error*/) { return SERD_SUCCESS; }

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Copies `text` to `out` with every invalid UTF-8 sequence and every NUL byte replaced by U+FFFD.
void repairText(std::string_view text, std::string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t bad = text.size();
    if (auto invalid = common::findInvalidUtf8(text.substr(i))) bad = i + *invalid;
    for (; i < bad; ++i) {
      if (text[i] == '\0') {
        out += kReplacement;
      } else {
        out += text[i];
      }
    }
    if (i < text.size()) {
      out += kReplacement;
      ++i;
      // Skip the continuation bytes of the broken sequence.
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
  }
}

bool needsRepair(std::string_view text) {
  return std::memchr(text.data(), '\0', text.size()) != nullptr ||
         common::findInvalidUtf8(text).has_value();
}

}  // namespace

StatementWriter::StatementWriter(RdfSyntax syntax, std::FILE* out) : syntax_(syntax), out_(out) {
  env_ = serd_env_new(nullptr);
  auto style = static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_BULK);
  writer_ = serd_writer_new(serdSyntax(syntax), style, env_, nullptr, serd_file_sink, out);
  serd_writer_set_error_sink(writer_, quietErrorSink, nullptr);
}

StatementWriter::~StatementWriter() {
  if (writer_ != nullptr) serd_writer_free(writer_);
  if (env_ != nullptr) serd_env_free(env_);
}

void StatementWriter::prefix(const char* name, std::string_view iri) {
  SerdNode nameNode = serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(name));
  std::string copy(iri);  // Serd copies the prefix; the node must be NUL-terminated here
  SerdNode iriNode =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(copy.c_str()));
  if (serd_writer_set_prefix(writer_, &nameNode, &iriNode) != SERD_SUCCESS) failed_ = true;
}

void StatementWriter::setGraph(const std::string& name) {
  if (syntax_ == RdfSyntax::kTurtle || syntax_ == RdfSyntax::kNTriples) return;
  graphName_ = name;
  graph_ = graphName_.empty() ? SERD_NODE_NULL : curieNode(graphName_);
}

void StatementWriter::write(const SerdNode& subject, const SerdNode& predicate,
                            const SerdNode& object) {
  emit(subject, predicate, object, nullptr, nullptr);
}

void StatementWriter::writeLiteral(const SerdNode& subject, const SerdNode& predicate,
                                   const std::string& text, const SerdNode* datatype,
                                   const SerdNode* language) {
  const std::string* checked = &text;
  if (needsRepair(text)) {
    repairText(text, repairBuffer_);
    checked = &repairBuffer_;
    ++repaired_;
  }
  SerdNode literal = serd_node_from_substring(
      SERD_LITERAL, reinterpret_cast<const uint8_t*>(checked->c_str()), checked->size());
  // Short strings with escapes, never """long strings""": Serd 0.30's reader misreads an escape
  // right after a quote inside a long string ("""a"\u007F""" gives a backslash), so its own long
  // output does not always read back. Short strings read back everywhere.
  literal.flags = 0;
  emit(subject, predicate, literal, language != nullptr ? nullptr : datatype, language);
}

void StatementWriter::emit(const SerdNode& subject, const SerdNode& predicate,
                           const SerdNode& object, const SerdNode* datatype,
                           const SerdNode* language) {
  const SerdNode* graph = graph_.type == SERD_NOTHING ? nullptr : &graph_;
  SerdStatus status = serd_writer_write_statement(writer_, 0, graph, &subject, &predicate, &object,
                                                  datatype, language);
  if (status != SERD_SUCCESS) failed_ = true;
  ++statements_;
}

bool StatementWriter::finish() {
  if (serd_writer_finish(writer_) != SERD_SUCCESS) failed_ = true;
  if (std::fflush(out_) != 0 || std::ferror(out_) != 0) failed_ = true;
  return !failed_;
}

}  // namespace newsgraph::exporter::rdf
