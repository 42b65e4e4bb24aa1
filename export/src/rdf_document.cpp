#include "rdf_document.h"

#include <serd/serd.h>

#include <cstdarg>
#include <optional>
#include <utility>

#include "newsgraph/common/text.h"
#include "statement_writer.h"

namespace newsgraph::exporter::rdf {
namespace {

std::string_view text(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

// The reader's handle: the document being filled, the prefixes and base in force, the first
// error. Callbacks never throw (docs/STYLE: an exception through Serd leaks); they catch and
// turn failures into a status.
struct ReadContext {
  RdfDocument* document = nullptr;
  std::string name;
  SerdEnv* env = nullptr;
  std::optional<common::Error> error;
  std::string_view source;  // the document's text, to locate errors Serd gives no position for

  // Line and column of the first use of `prefix` ("ex:") at a token start; 0, 0 when not found.
  std::pair<std::size_t, std::size_t> locate(const std::string& prefix) const {
    for (std::size_t at = source.find(prefix); at != std::string_view::npos;
         at = source.find(prefix, at + 1)) {
      char before = at == 0 ? ' ' : source[at - 1];
      if (before == ' ' || before == '\t' || before == '\n' || before == '\r' || before == '(' ||
          before == '[' || before == ',' || before == ';' || before == '^') {
        return common::lineAndColumn(source, at);
      }
    }
    return {0, 0};
  }

  void fail(std::size_t line, std::size_t column, std::string message) {
    if (!error) {
      error = common::Error{name, line, column, "import", std::move(message)};
    } else if (error->line == 0 && line != 0) {
      error->line = line;  // our own message, Serd's position
      error->column = column;
    }
  }

  // An IRI node as an absolute IRI: CURIEs expanded, relative IRIs resolved against the base.
  std::optional<std::string> iri(const SerdNode* node) {
    if (node->type == SERD_URI && serd_uri_string_has_scheme(node->buf)) {
      return std::string(text(node));
    }
    SerdNode expanded = serd_env_expand_node(env, node);
    if (expanded.buf == nullptr) {
      if (node->type == SERD_URI) return std::string(text(node));  // relative, no base
      std::string curie(text(node));
      std::string prefix = curie.substr(0, curie.find(':') + 1);
      auto [line, column] = locate(prefix);
      fail(line, column, "undefined prefix '" + prefix + "' in '" + curie + "'");
      return std::nullopt;
    }
    std::string out(text(&expanded));
    serd_node_free(&expanded);
    return out;
  }

  std::optional<std::string> resource(const SerdNode* node) {
    if (node->type == SERD_BLANK) return "_:" + std::string(text(node));
    return iri(node);
  }
};

SerdStatus onBase(void* handle, const SerdNode* uri) {
  auto* context = static_cast<ReadContext*>(handle);
  return serd_env_set_base_uri(context->env, uri);
}

SerdStatus onPrefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* context = static_cast<ReadContext*>(handle);
  return serd_env_set_prefix(context->env, name, uri);
}

SerdStatus onStatement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* /*graph*/,
                       const SerdNode* subject, const SerdNode* predicate, const SerdNode* object,
                       const SerdNode* datatype, const SerdNode* language) {
  auto* context = static_cast<ReadContext*>(handle);
  try {
    auto s = context->resource(subject);
    auto p = context->iri(predicate);
    if (!s || !p) return SERD_ERR_BAD_CURIE;
    Value value;
    if (object->type == SERD_LITERAL) {
      value.kind = Value::Kind::kLiteral;
      value.text = std::string(text(object));
      if (datatype != nullptr && datatype->buf != nullptr) {
        auto type = context->iri(datatype);
        if (!type) return SERD_ERR_BAD_CURIE;
        value.datatype = std::move(*type);
      }
      if (language != nullptr && language->buf != nullptr) value.language = text(language);
    } else {
      auto o = context->resource(object);
      if (!o) return SERD_ERR_BAD_CURIE;
      value.kind = object->type == SERD_BLANK ? Value::Kind::kBlank : Value::Kind::kIri;
      value.text = std::move(*o);
    }
    context->document->add(std::move(*s), *p, std::move(value));
    return SERD_SUCCESS;
  } catch (const std::exception& e) {
    context->fail(0, 0, std::string("cannot keep the statement: ") + e.what());
    return SERD_ERR_INTERNAL;
  }
}

SerdStatus onError(void* handle, const SerdError* error) {
  auto* context = static_cast<ReadContext*>(handle);
  try {
    char message[512];
    va_list args;
    va_copy(args, *error->args);
    std::vsnprintf(message, sizeof message, error->fmt, args);
    va_end(args);
    std::string text(message);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    context->fail(error->line, error->col, text);
  } catch (...) {
    // Out of memory while reporting: the read still fails through its status.
  }
  return SERD_SUCCESS;
}

template <typename ReadFn>
common::Result<RdfDocument> readWith(const std::string& name, std::string_view source,
                                     RdfSyntax syntax, ReadFn read) {
  RdfDocument document;
  ReadContext context;
  context.document = &document;
  context.name = name;
  context.source = source;
  context.env = serd_env_new(nullptr);
  SerdReader* reader = serd_reader_new(serdSyntax(syntax), &context, nullptr, onBase, onPrefix,
                                       onStatement, nullptr);
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(reader, onError, &context);
  // Each read gets its own blank-node prefix so that labels never meet another file's.
  serd_reader_add_blank_prefix(reader, reinterpret_cast<const uint8_t*>("f"));
  SerdStatus status = read(reader);
  serd_reader_free(reader);
  serd_env_free(context.env);
  if (context.error) return *context.error;
  if (status != SERD_SUCCESS && status != SERD_FAILURE) {
    return common::Error{name, 0, 0, "import",
                         reinterpret_cast<const char*>(serd_strerror(status))};
  }
  return document;
}

}  // namespace

common::Result<RdfDocument> RdfDocument::read(const std::string& text, const std::string& name,
                                              RdfSyntax syntax) {
  if (std::size_t nul = text.find('\0'); nul != std::string::npos) {
    auto [line, column] = common::lineAndColumn(text, nul);
    return common::Error{name, line, column, "import", "NUL byte in RDF text"};
  }
  return readWith(name, text, syntax, [&](SerdReader* reader) {
    return serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(text.c_str()));
  });
}

const Resource* RdfDocument::find(std::string_view key) const {
  auto found = index_.find(std::string(key));
  return found == index_.end() ? nullptr : &resources_[found->second];
}

std::uint32_t RdfDocument::predicate(std::string_view iri) const {
  auto found = predicateIndex_.find(std::string(iri));
  return found == predicateIndex_.end() ? UINT32_MAX : found->second;
}

void RdfDocument::add(std::string subject, std::string_view predicate, Value object) {
  auto [slot, inserted] = index_.try_emplace(std::move(subject), resources_.size());
  if (inserted) resources_.push_back(Resource{slot->first, {}});
  auto [p, newPredicate] = predicateIndex_.try_emplace(
      std::string(predicate), static_cast<std::uint32_t>(predicates_.size()));
  if (newPredicate) predicates_.push_back(p->first);
  resources_[slot->second].properties.push_back(Property{p->second, std::move(object)});
  ++triples_;
}

}  // namespace newsgraph::exporter::rdf
