// Private to the RDF export: a thin C++ face over Serd's writer that guards against the traps
// listed in shared/REFERENCE.md. Serd does not validate what it writes, so this class repairs
// literal text (invalid UTF-8 and NUL bytes become U+FFFD), keeps graph names out of Turtle and
// N-Triples, and expects callers to give IRIs already percent-encoded (rdf_vocabulary.h).
#pragma once

#include <serd/serd.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "newsgraph/export/rdf_export.h"

namespace newsgraph::exporter::rdf {

// Serd's name for a syntax.
SerdSyntax serdSyntax(RdfSyntax syntax);

// Nodes that view caller-owned text: valid while that text lives and is not modified. Serd
// reads some node text with strcmp, so it must be NUL-terminated: hence whole std::strings or
// string literals, never substrings.
inline SerdNode uriNode(const std::string& iri) {
  return serd_node_from_substring(SERD_URI, reinterpret_cast<const uint8_t*>(iri.c_str()),
                                  iri.size());
}
inline SerdNode curieNode(const std::string& curie) {
  return serd_node_from_substring(SERD_CURIE, reinterpret_cast<const uint8_t*>(curie.c_str()),
                                  curie.size());
}
inline SerdNode curieNode(const char* curie) {
  return serd_node_from_string(SERD_CURIE, reinterpret_cast<const uint8_t*>(curie));
}
inline SerdNode blankNode(const std::string& label) {
  return serd_node_from_substring(SERD_BLANK, reinterpret_cast<const uint8_t*>(label.c_str()),
                                  label.size());
}

class StatementWriter {
 public:
  // Writes to `out` (not owned, not closed) in `syntax`.
  StatementWriter(RdfSyntax syntax, std::FILE* out);
  ~StatementWriter();
  StatementWriter(const StatementWriter&) = delete;
  StatementWriter& operator=(const StatementWriter&) = delete;

  // Declares `name:` for `iri` (an @prefix line in Turtle and TriG; N-Triples and N-Quads
  // only use it to expand CURIEs). Every CURIE given to write() must use a declared prefix.
  void prefix(const char* name, std::string_view iri);

  // Statements written after this go to the named graph `name` (a CURIE with a declared
  // prefix), or to the default graph when `name` is empty. Ignored by Turtle and N-Triples.
  void setGraph(const std::string& name);

  // Writes one statement whose object is an IRI, a CURIE or a blank node.
  void write(const SerdNode& subject, const SerdNode& predicate, const SerdNode& object);
  // Writes one statement whose object is a literal with an optional datatype (a CURIE) or
  // language tag, never both. `text` is checked and repaired first.
  void writeLiteral(const SerdNode& subject, const SerdNode& predicate, const std::string& text,
                    const SerdNode* datatype = nullptr, const SerdNode* language = nullptr);

  // Ends the document. Returns false when Serd or the stream reported an error at any point.
  bool finish();

  std::size_t statements() const { return statements_; }
  std::size_t repairedLiterals() const { return repaired_; }

 private:
  void emit(const SerdNode& subject, const SerdNode& predicate, const SerdNode& object,
            const SerdNode* datatype, const SerdNode* language);

  RdfSyntax syntax_;
  std::FILE* out_;
  SerdEnv* env_ = nullptr;
  SerdWriter* writer_ = nullptr;
  std::string graphName_;
  SerdNode graph_ = SERD_NODE_NULL;
  std::string repairBuffer_;
  std::size_t statements_ = 0;
  std::size_t repaired_ = 0;
  bool failed_ = false;
};

}  // namespace newsgraph::exporter::rdf
