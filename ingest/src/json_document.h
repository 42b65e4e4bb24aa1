// JSON articles: one object, or (for .json files) an array of objects, read with RapidJSON's
// SAX reader so that every error points at a line and column of the source.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "newsgraph/common/error.h"
#include "newsgraph/ingest/article.h"

namespace newsgraph::ingest {

// Where a JSON document comes from and how to name its articles.
struct JsonPlace {
  std::string_view source;      // for errors and Article::source
  std::size_t firstLine = 1;    // line of the document's first byte in `source`
  std::string_view defaultDoc;  // doc id without "id"; array elements get "<defaultDoc>-<n>"
  bool allowArray = false;      // whether the root may be an array of article objects
};

// Receives each article or error of a document, in order; returning false stops.
using JsonArticleEmitter = std::function<bool(common::Result<Article>&&)>;

// Parses `json` (see parseJsonArticle in article_reader.h for the errors) and emits its articles
// and errors in document order. Malformed JSON, a raw NUL byte or invalid UTF-8 gives one error
// and no article; a bad element of an array gives one error and the other elements are still
// read. Returns false when `emit` asked to stop. A std::string, for its terminating NUL: a valid
// article is read in one fast pass that needs it (json_article.cpp).
bool parseJsonDocument(const std::string& json, const JsonPlace& place,
                       const JsonArticleEmitter& emit);

}  // namespace newsgraph::ingest
