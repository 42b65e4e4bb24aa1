#include "turtle_triples.h"

#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

namespace newsgraph::ontology {
namespace {

// Feeds Serd one byte at a time so that the position of what has been consumed is known when a
// statement arrives: Serd 0.30 reports positions only for syntax errors.
struct ByteCursor {
  const std::string* text = nullptr;
  std::size_t offset = 0;
  std::size_t line = 1;
  std::size_t column = 1;
};

size_t readByte(void* buffer, size_t /*size*/, size_t count, void* stream) {
  auto* cursor = static_cast<ByteCursor*>(stream);
  if (count == 0 || cursor->offset >= cursor->text->size()) return 0;
  char c = (*cursor->text)[cursor->offset++];
  static_cast<char*>(buffer)[0] = c;
  if (c == '\n') {
    ++cursor->line;
    cursor->column = 1;
  } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
    ++cursor->column;
  }
  return 1;
}

int streamError(void* stream) {
  auto* cursor = static_cast<ByteCursor*>(stream);
  return cursor->offset > cursor->text->size() ? 1 : 0;
}

struct EnvDeleter {
  void operator()(SerdEnv* env) const { serd_env_free(env); }
};
struct ReaderDeleter {
  void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};

// State shared with Serd's callbacks. Callbacks never throw: they record and return a status.
struct ReadState {
  std::unique_ptr<SerdEnv, EnvDeleter> env;
  ByteCursor cursor;
  std::vector<Triple> triples;
  std::string name;
  std::string errorMessage;
  std::size_t errorLine = 0;
  std::size_t errorColumn = 0;
  bool failed = false;
};

std::string chunkString(const SerdChunk& chunk) {
  return std::string(reinterpret_cast<const char*>(chunk.buf), chunk.len);
}

// Expands a CURIE or relative IRI through the environment. Returns false when it cannot.
bool expandIri(ReadState& state, const SerdNode* node, std::string& out) {
  if (node->type == SERD_URI) {
    SerdNode expanded = serd_env_expand_node(state.env.get(), node);
    if (expanded.buf == nullptr) {
      out.assign(reinterpret_cast<const char*>(node->buf), node->n_bytes);
      return true;
    }
    out.assign(reinterpret_cast<const char*>(expanded.buf), expanded.n_bytes);
    serd_node_free(&expanded);
    return true;
  }
  SerdChunk prefix;
  SerdChunk suffix;
  if (serd_env_expand(state.env.get(), node, &prefix, &suffix) != SERD_SUCCESS) return false;
  out = chunkString(prefix) + chunkString(suffix);
  return true;
}

bool toTerm(ReadState& state, const SerdNode* node, Term& term) {
  switch (node->type) {
    case SERD_URI:
    case SERD_CURIE:
      term.kind = Term::Kind::kIri;
      if (!expandIri(state, node, term.value)) {
        state.errorMessage = "unknown prefix in '" +
                             std::string(reinterpret_cast<const char*>(node->buf), node->n_bytes) +
                             "'";
        return false;
      }
      return true;
    case SERD_BLANK:
      term.kind = Term::Kind::kBlank;
      term.value.assign(reinterpret_cast<const char*>(node->buf), node->n_bytes);
      return true;
    case SERD_LITERAL:
      term.kind = Term::Kind::kLiteral;
      term.value.assign(reinterpret_cast<const char*>(node->buf), node->n_bytes);
      return true;
    case SERD_NOTHING:
      break;
  }
  state.errorMessage = "unexpected empty node";
  return false;
}

SerdStatus onBase(void* handle, const SerdNode* uri) {
  auto* state = static_cast<ReadState*>(handle);
  return serd_env_set_base_uri(state->env.get(), uri);
}

SerdStatus onPrefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* state = static_cast<ReadState*>(handle);
  return serd_env_set_prefix(state->env.get(), name, uri);
}

SerdStatus onStatement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* /*graph*/,
                       const SerdNode* subject, const SerdNode* predicate, const SerdNode* object,
                       const SerdNode* datatype, const SerdNode* language) {
  auto* state = static_cast<ReadState*>(handle);
  Triple triple;
  triple.line = state->cursor.line;
  triple.column = state->cursor.column;
  bool ok = toTerm(*state, subject, triple.subject) &&
            toTerm(*state, predicate, triple.predicate) && toTerm(*state, object, triple.object);
  if (ok && datatype != nullptr && datatype->type != SERD_NOTHING) {
    ok = expandIri(*state, datatype, triple.object.datatype);
  }
  if (ok && language != nullptr && language->type != SERD_NOTHING) {
    triple.object.language.assign(reinterpret_cast<const char*>(language->buf), language->n_bytes);
  }
  if (!ok) {
    state->failed = true;
    state->errorLine = triple.line;
    state->errorColumn = triple.column;
    return SERD_ERR_BAD_SYNTAX;
  }
  state->triples.push_back(std::move(triple));
  return SERD_SUCCESS;
}

SerdStatus onError(void* handle, const SerdError* error) {
  auto* state = static_cast<ReadState*>(handle);
  if (state->failed) return SERD_SUCCESS;  // keep the first error
  char buffer[512];
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(buffer, sizeof buffer, error->fmt, args);
  va_end(args);
  std::string message(buffer);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  state->failed = true;
  state->errorMessage = message;
  state->errorLine = error->line;
  state->errorColumn = error->col + 1;  // Serd counts columns from 0
  return SERD_SUCCESS;
}

}  // namespace

common::Result<std::vector<Triple>> readTurtle(const std::string& name, const std::string& text) {
  ReadState state;
  state.name = name;
  state.cursor.text = &text;
  SerdNode base =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>("file:///ontology/"));
  state.env.reset(serd_env_new(&base));
  std::unique_ptr<SerdReader, ReaderDeleter> reader(
      serd_reader_new(SERD_TURTLE, &state, nullptr, onBase, onPrefix, onStatement, nullptr));
  serd_reader_set_error_sink(reader.get(), onError, &state);
  // Each source gets its own blank-node prefix so that _:b1 of two files stay distinct.
  std::string blankPrefix = std::to_string(std::hash<std::string>{}(name) % 100000);
  blankPrefix.insert(0, 1, 'b');
  blankPrefix.push_back('_');
  serd_reader_add_blank_prefix(reader.get(), reinterpret_cast<const uint8_t*>(blankPrefix.c_str()));
  SerdStatus status = serd_reader_read_source(reader.get(), readByte, streamError, &state.cursor,
                                              reinterpret_cast<const uint8_t*>(name.c_str()), 1);
  if (state.failed || status > SERD_FAILURE) {
    common::Error error{name, state.errorLine, state.errorColumn, "ontology",
                        state.errorMessage.empty()
                            ? std::string(reinterpret_cast<const char*>(serd_strerror(status)))
                            : state.errorMessage};
    if (error.line == 0) {
      error.line = state.cursor.line;
      error.column = state.cursor.column;
    }
    return error;
  }
  return std::move(state.triples);
}

}  // namespace newsgraph::ontology
