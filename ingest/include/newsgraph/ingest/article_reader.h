// Reading articles: the first stage of ingest. Files, directories and standard input become a
// stream of Article values (see article.h); every bad input becomes one common::Error naming the
// file, and the line and column when they are known, so one bad file never stops a batch.
//
// Formats (SPEC 6):
//  - .txt: UTF-8 plain text. The first non-blank line is the title when the file has more than
//    one non-blank line and that line is at most 200 bytes with no sentence end ('.', '!', '?'
//    or '…' followed by a space) except at its very end. A publication date is given as
//    `date YYYY-MM` or `date YYYY-MM-DD`, either at the very start (after any white space,
//    possibly followed by the body on the same line) or as the first words of the first
//    non-blank line after the title. Article::text is the WHOLE file with the `date <value>`
//    token pair and a leading UTF-8 byte order mark overwritten by spaces of the same byte length,
//    so byte offsets into text are byte offsets into the file; the title stays in the text.
//  - .json: one article object {"id", "title", "date", "url", "text"} (only "text" is required;
//    unknown fields are ignored; null counts as absent for the optional fields), or an array of
//    such objects.
//  - .jsonl: one article object per line; blank lines are skipped.
//
// Every error has source = the path as given (or "<stdin>") and stage "read" or "json".
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "newsgraph/common/error.h"
#include "newsgraph/ingest/article.h"

namespace newsgraph::ingest {

// Limits applied while reading.
struct ReadOptions {
  // Default 32 MiB. A .txt article, a whole .json file or one .jsonl line larger than this is
  // rejected with its size in the message (`article of 104857600 bytes is larger than the limit
  // of 33554432 bytes`) and reading goes on; it also bounds the memory the reader uses.
  std::size_t maxArticleBytes = 32u << 20;
};

// Receives articles and errors, in input order, as they are read. Returning false from either
// stops reading at once. An empty function accepts everything and never stops reading.
// Each Article is handed over (the sink may keep it); the Error reference lives only during the
// call. The functions are called on the thread that called readArticles.
struct ArticleSink {
  std::function<bool(Article&&)> onArticle;
  std::function<bool(const common::Error&)> onError;
};

// Reads `path`, which is one of:
//  - a .txt, .json or .jsonl file (extension compared without regard to case); any other
//    extension given explicitly is an error (`notes.md: read error: unsupported file extension
//    '.md' (expected .txt, .json or .jsonl)`, or `no file extension (...)`);
//  - a directory, read recursively; entries of each directory are taken in byte order of their
//    names, a subdirectory's files in its place (which is the order of the paths compared element
//    by element), so the order is deterministic. Files with other extensions are skipped
//    silently, as are names starting with '.' and symbolic links to directories (no cycles).
//    Sources are `<path>/<relative path>`;
//  - "-" for standard input. Its format is sniffed: '{' first (after white space) is one JSON
//    object, or JSON Lines when the next non-blank line also starts with '{'; '[' followed by
//    '{' or ']' is a JSON array; anything else is plain text. Errors name "<stdin>"; the doc id
//    is "stdin", "stdin-<line>" for JSON Lines without "id", "stdin-<n>" for the n-th element of
//    an array without "id".
// Doc ids (SPEC 1): the file name without directory and last extension; a JSON "id" wins;
// a .jsonl line without one is `<stem>-<line>`, the n-th (1-based) array element `<stem>-<n>`.
// Fails per input, never for the batch: a file that cannot be opened
// (`nope.txt: read error: No such file or directory`), binary files, invalid UTF-8, empty
// articles, malformed JSON, unknown date forms and oversized inputs are each reported once
// through sink.onError, and reading goes on with the next article.
// Streams: memory stays bounded by a small multiple of maxArticleBytes (one article, or one
// .jsonl line, at a time), whatever the corpus size; .jsonl files are read line by line.
// Returns the number of errors reported. Throws only what the sink throws and std::bad_alloc.
std::size_t readArticles(std::string_view path, const ReadOptions& options,
                         const ArticleSink& sink);

// Parses one plain-text article (see above) held in memory: `content` is a whole file.
// `source` names it in errors and in Article::source; `doc` becomes Article::doc.
// Fails with a "read" error:
//  - `binary file (NUL byte at offset 3), not an article` (a NUL in the first 8 KiB), or
//    `UTF-16 text (byte order mark 0xFF 0xFE), convert it to UTF-8`;
//  - `<line>:<col>: ... invalid UTF-8 byte 0xE9` or `unexpected NUL byte` (position of the byte);
//  - `empty article` (nothing but white space), `empty article (only a date header)`;
//  - `<line>:<col>: ... unknown date form '2023/11' (expected YYYY-MM or YYYY-MM-DD)` or
//    `missing date after 'date' (expected YYYY-MM or YYYY-MM-DD)`, pointing at the date value.
common::Result<Article> parseTextArticle(std::string content, std::string_view source,
                                         std::string_view doc);

// Parses one JSON article object. `line` is the line of json's first byte in `source` (a .jsonl
// line number) so positions point into the source; `defaultDoc` is the doc id when there is no
// "id". A leading UTF-8 byte order mark is skipped. Article::line is the line of the '{'.
// Fails with a "json" error at line:column (columns in bytes, 1-based):
//  - RapidJSON's message for malformed JSON (`Missing a comma or '}' after an object member.`);
//  - `expected an article object, found an array` (or a string, a number, ...);
//  - `missing required field "text"` (at the '{'), `field "text" is empty`,
//    `field "text" holds only whitespace`, `field "id" is empty`;
//  - `field "title" must be a string, not a number` (at the value), `duplicate field "date"`;
//  - `field "date": unknown date form '2023/11' (expected YYYY, YYYY-MM or YYYY-MM-DD)`;
//  - `field "text" contains a NUL character (\u0000)`, `field "text" is not valid UTF-8 after
//    unescaping (unpaired surrogate escape?)`;
// or a "read" error for raw NUL bytes and invalid UTF-8, as parseTextArticle.
common::Result<Article> parseJsonArticle(std::string_view json, std::string_view source,
                                         std::size_t line, std::string_view defaultDoc);

}  // namespace newsgraph::ingest
