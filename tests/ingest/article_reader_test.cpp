#include "newsgraph/ingest/article_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace newsgraph::ingest {
namespace {

namespace fs = std::filesystem;

const std::string kDataDir = NEWSGRAPH_SOURCE_DIR "/tests/data";
const std::string kBadDir = kDataDir + "/bad_input";
const std::string kGoodDir = kDataDir + "/good_input";
// The bad-input suite is read with this limit (see bad_input/EXPECTED).
constexpr std::size_t kBadInputLimit = 1024;

// Everything one readArticles call gave.
struct Collected {
  std::vector<Article> articles;
  std::vector<std::string> errors;
  std::size_t returned = 0;
};

Collected readPath(const std::string& path, ReadOptions options = {}) {
  Collected out;
  ArticleSink sink{[&out](Article&& article) {
                     out.articles.push_back(std::move(article));
                     return true;
                   },
                   [&out](const common::Error& error) {
                     out.errors.push_back(error.toString());
                     return true;
                   }};
  out.returned = readArticles(path, options, sink);
  return out;
}

std::string dateText(const Article& article) {
  return article.date ? article.date->toString() : "-";
}

// One line per article: where it comes from and its metadata (not its text).
std::string describe(const std::vector<Article>& articles, const std::string& stripPrefix = "") {
  std::string out;
  for (const Article& article : articles) {
    std::string source = article.source;
    if (!stripPrefix.empty() && source.starts_with(stripPrefix)) {
      source = source.substr(stripPrefix.size());
    }
    out += source + ":" + std::to_string(article.line) + " doc=" + article.doc +
           " title=" + article.title + " date=" + dateText(article) + " url=" + article.url + "\n";
  }
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void writeFile(const fs::path& path, std::string_view bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh directory under the system temporary directory, removed with its content.
class TempDir {
 public:
  TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("newsgraph_reader_test_" + std::to_string(random()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// Reads `bytes` as standard input through readArticles("-").
Collected readStdin(std::string_view bytes) {
  TempDir dir;
  writeFile(dir / "stdin", bytes);
  EXPECT_NE(std::freopen((dir / "stdin").c_str(), "rb", stdin), nullptr);
  Collected out = readPath("-");
  EXPECT_NE(std::freopen("/dev/null", "rb", stdin), nullptr);
  return out;
}

std::string errorText(const common::Result<Article>& result) {
  return result.ok() ? "(no error)" : result.error().toString();
}

// ---------------------------------------------------------------------------------------------
// Bad-input suite: tests/data/bad_input and its EXPECTED file.

struct ExpectedCase {
  std::string file;
  std::size_t articles = 0;
  std::string error;
};

std::vector<ExpectedCase> loadExpected() {
  std::vector<ExpectedCase> cases;
  std::istringstream lines(slurp(kBadDir + "/EXPECTED"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line.starts_with('#')) continue;
    std::size_t tab1 = line.find('\t');
    std::size_t tab2 = line.find('\t', tab1 + 1);
    EXPECT_NE(tab2, std::string::npos) << "malformed EXPECTED line: " << line;
    if (tab2 == std::string::npos) continue;
    cases.push_back(ExpectedCase{line.substr(0, tab1),
                                 std::stoul(line.substr(tab1 + 1, tab2 - tab1 - 1)),
                                 line.substr(tab2 + 1)});
  }
  return cases;
}

TEST(ArticleReaderBadInput, ExpectedListsEveryFileOnce) {
  std::vector<ExpectedCase> cases = loadExpected();
  std::multiset<std::string> listed;
  for (const ExpectedCase& expected : cases) listed.insert(expected.file);
  std::multiset<std::string> present;
  for (const fs::directory_entry& entry : fs::directory_iterator(kBadDir)) {
    std::string name = entry.path().filename().string();
    if (name != "EXPECTED") present.insert(name);
  }
  EXPECT_EQ(listed, present);
  EXPECT_GE(cases.size(), 30u);
}

TEST(ArticleReaderBadInput, EachFileGivesExactlyItsExpectedErrorLine) {
  for (const ExpectedCase& expected : loadExpected()) {
    SCOPED_TRACE(expected.file);
    Collected got = readPath(kBadDir + "/" + expected.file, ReadOptions{kBadInputLimit});
    EXPECT_EQ(got.errors, std::vector<std::string>{kBadDir + "/" + expected.error});
    EXPECT_EQ(got.articles.size(), expected.articles);
    EXPECT_EQ(got.returned, 1u);
  }
}

TEST(ArticleReaderBadInput, WholeFolderGivesEachErrorOnceInPathOrder) {
  std::vector<ExpectedCase> cases = loadExpected();
  std::sort(cases.begin(), cases.end(),
            [](const ExpectedCase& a, const ExpectedCase& b) { return a.file < b.file; });
  std::vector<std::string> expectedErrors;
  std::size_t expectedArticles = 0;
  for (const ExpectedCase& expected : cases) {
    expectedErrors.push_back(kBadDir + "/" + expected.error);
    expectedArticles += expected.articles;
  }
  Collected got = readPath(kBadDir, ReadOptions{kBadInputLimit});
  EXPECT_EQ(got.errors, expectedErrors);
  EXPECT_EQ(got.articles.size(), expectedArticles);
  EXPECT_EQ(got.returned, expectedErrors.size());
}

// ---------------------------------------------------------------------------------------------
// Good input: every form, read as one directory.

TEST(ArticleReaderGoodInput, ReadsEveryFormInPathOrder) {
  Collected got = readPath(kGoodDir);
  EXPECT_EQ(got.errors, std::vector<std::string>{});
  EXPECT_EQ(got.returned, 0u);
  EXPECT_EQ(describe(got.articles, kGoodDir + "/"),
            "MAJUSCULES.TXT:1 doc=MAJUSCULES title= date=- url=\n"
            "article.json:1 doc=bamako-2023-09-12 title=Sommet de l’Alliance des États du Sahel "
            "date=2023-09-12 url=https://example.org/aes\n"
            "bom.txt:1 doc=bom title=Sécheresse dans la région de Ségou date=- url=\n"
            "crlf.txt:1 doc=crlf title=Élections reportées date=2022-02 url=\n"
            "date_apres_titre.txt:1 doc=date_apres_titre title=Kidal : retour des forces armées "
            "date=2023-11-14 url=\n"
            "date_en_tete.txt:1 doc=date_en_tete title= date=2023-11 url=\n"
            "fil.jsonl:1 doc=fil-a title=Gao date=- url=\n"
            "fil.jsonl:3 doc=fil-3 title= date=2021-12 url=\n"
            "liste.json:2 doc=segou-1 title= date=2022 url=\n"
            "liste.json:3 doc=liste-2 title= date=- url=\n"
            "sans_titre.txt:1 doc=sans_titre title= date=- url=\n"
            "sous_dossier/communique.txt:1 doc=communique title=Communiqué du gouvernement "
            "date=- url=\n"
            "titre_et_corps.txt:1 doc=titre_et_corps title=Attaque contre un poste militaire "
            "près de Ménaka date=- url=\n");
}

TEST(ArticleReaderGoodInput, TextIsTheFileWithHeaderBytesBlanked) {
  Collected got = readPath(kGoodDir);
  std::map<std::string, std::string> texts;
  for (const Article& article : got.articles) texts[article.doc] = article.text;

  std::string titled = slurp(kGoodDir + "/titre_et_corps.txt");
  EXPECT_EQ(texts["titre_et_corps"], titled);

  std::string dated = slurp(kGoodDir + "/date_en_tete.txt");
  ASSERT_TRUE(dated.starts_with(" date 2023-11 Les habitants"));
  EXPECT_EQ(texts["date_en_tete"], " " + std::string(12, ' ') + dated.substr(13));

  std::string afterTitle = slurp(kGoodDir + "/date_apres_titre.txt");
  std::string expected = afterTitle;
  expected.replace(expected.find("date 2023-11-14"), 15, std::string(15, ' '));
  EXPECT_EQ(texts["date_apres_titre"], expected);

  std::string crlf = slurp(kGoodDir + "/crlf.txt");
  EXPECT_EQ(texts["crlf"],
            "Élections reportées\r\n" + std::string(12, ' ') + "\r\n" +
                "Le scrutin prévu en février est reporté à une date ultérieure.\r\n");
  EXPECT_EQ(texts["crlf"].size(), crlf.size());

  std::string bom = slurp(kGoodDir + "/bom.txt");
  ASSERT_TRUE(bom.starts_with("\xEF\xBB\xBF"));
  EXPECT_EQ(texts["bom"], "   " + bom.substr(3));

  EXPECT_EQ(texts["bamako-2023-09-12"],
            "Les ministres du Mali, du Burkina Faso et du Niger se sont réunis à Bamako.");
}

// ---------------------------------------------------------------------------------------------
// parseTextArticle

TEST(ParseTextArticle, TakesShortFirstLineAsTitleAndKeepsItInText) {
  std::string content = "Attaque près de Gao\nDes hommes armés ont attaqué un camp.\n";
  common::Result<Article> article = parseTextArticle(content, "a.txt", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->title, "Attaque près de Gao");
  EXPECT_EQ(article->text, content);
  EXPECT_EQ(article->doc, "a");
  EXPECT_EQ(article->source, "a.txt");
  EXPECT_EQ(article->line, 1u);
  EXPECT_FALSE(article->date.has_value());
}

TEST(ParseTextArticle, NoTitleWhenTheFileHasOneNonBlankLine) {
  common::Result<Article> article =
      parseTextArticle("\n  Un seul paragraphe sur Kayes.\n\n", "a.txt", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->title, "");
}

TEST(ParseTextArticle, NoTitleWhenASentenceEndsInsideTheFirstLine) {
  for (std::string first : {"Le marché a rouvert. Les clients reviennent", "Gao ! La ville respire",
                            "Pourquoi ? Personne ne sait", "Attente… Puis la pluie"}) {
    SCOPED_TRACE(first);
    common::Result<Article> article = parseTextArticle(first + "\nSuite du texte.\n", "a", "a");
    ASSERT_TRUE(article.ok()) << errorText(article);
    EXPECT_EQ(article->title, "");
  }
}

TEST(ParseTextArticle, TitleMayEndWithASentenceEnd) {
  for (std::string first : {"Une attaque parmi tant d’autres.", "Quel avenir pour Kidal ?",
                            "Le prix du mil a doublé...", "Version 2.0 du plan"}) {
    SCOPED_TRACE(first);
    common::Result<Article> article = parseTextArticle(first + "\nSuite du texte.\n", "a", "a");
    ASSERT_TRUE(article.ok()) << errorText(article);
    EXPECT_EQ(article->title, first);
  }
}

TEST(ParseTextArticle, TitleIsAtMost200Bytes) {
  std::string exact(200, 'x');
  common::Result<Article> article = parseTextArticle(exact + "\nCorps.\n", "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->title, exact);

  article = parseTextArticle(exact + "y\nCorps.\n", "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->title, "");
}

TEST(ParseTextArticle, DateAtTheStartFollowedByBodyIsBlankedInPlace) {
  std::string content = " date 2023-11 Le conseil de sécurité a voté.\n";
  common::Result<Article> article = parseTextArticle(content, "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  ASSERT_TRUE(article->date.has_value());
  EXPECT_EQ(article->date->toString(), "2023-11");
  EXPECT_EQ(article->date->precision, common::DatePrecision::kMonth);
  EXPECT_EQ(article->text, "              Le conseil de sécurité a voté.\n");
  EXPECT_EQ(article->text.size(), content.size());
  EXPECT_EQ(article->title, "");
}

TEST(ParseTextArticle, DateOnItsOwnFirstLineThenTitle) {
  common::Result<Article> article = parseTextArticle(
      "date 2023-11-14\nKidal reprise\nL'armée est entrée dans Kidal.\n", "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->date->toString(), "2023-11-14");
  EXPECT_EQ(article->title, "Kidal reprise");
  EXPECT_EQ(article->text, "               \nKidal reprise\nL'armée est entrée dans Kidal.\n");
}

TEST(ParseTextArticle, DateOnTheLineAfterTheTitle) {
  common::Result<Article> article =
      parseTextArticle("Kidal reprise\n  date 2023-11-14  \nL'armée est entrée.\n", "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->date->toString(), "2023-11-14");
  EXPECT_EQ(article->title, "Kidal reprise");
  EXPECT_EQ(article->text, "Kidal reprise\n                   \nL'armée est entrée.\n");
}

TEST(ParseTextArticle, DateLineAfterANonTitleIsBodyText) {
  std::string content = "Première phrase. Seconde phrase.\ndate 2023/11 reste du texte.\n";
  common::Result<Article> article = parseTextArticle(content, "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_FALSE(article->date.has_value());
  EXPECT_EQ(article->text, content);
}

TEST(ParseTextArticle, DateKeywordIsLowerCaseAndAWholeWord) {
  for (std::string content : {"dates clés du conflit\nLe texte.\n", "Date 2023-11 Le texte.\n",
                              "date:2023-11 Le texte.\n"}) {
    SCOPED_TRACE(content);
    common::Result<Article> article = parseTextArticle(content, "a", "a");
    ASSERT_TRUE(article.ok()) << errorText(article);
    EXPECT_FALSE(article->date.has_value());
    EXPECT_EQ(article->text, content);
  }
}

TEST(ParseTextArticle, TitleAndDateAloneLeaveTheTitleAsBody) {
  common::Result<Article> article = parseTextArticle("Gao sous la pluie\ndate 2022-08\n", "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->title, "");
  EXPECT_EQ(article->date->toString(), "2022-08");
  EXPECT_EQ(article->text, "Gao sous la pluie\n            \n");
}

TEST(ParseTextArticle, ReportsUnknownDateFormsAtTheValue) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {" date 2023/11 Le texte.",
       "dir/a.txt:1:7: read error: unknown date form '2023/11' (expected YYYY-MM or YYYY-MM-DD)"},
      {"date novembre 2023 Le texte.",
       "dir/a.txt:1:6: read error: unknown date form 'novembre' (expected YYYY-MM or YYYY-MM-DD)"},
      {"date 2023-13-01 Le texte.",
       "dir/a.txt:1:6: read error: unknown date form '2023-13-01' (expected YYYY-MM or "
       "YYYY-MM-DD)"},
      {"date 2023-02-30 Le texte.",
       "dir/a.txt:1:6: read error: unknown date form '2023-02-30' (expected YYYY-MM or "
       "YYYY-MM-DD)"},
      {"date 2023 Le texte.",
       "dir/a.txt:1:6: read error: unknown date form '2023' (expected YYYY-MM or YYYY-MM-DD)"},
      {"\n\n  date\t2023-11-14T08:00 Le texte.",
       "dir/a.txt:3:8: read error: unknown date form '2023-11-14T08:00' (expected YYYY-MM or "
       "YYYY-MM-DD)"},
      {"Titre\ndate 14/11/2023\nLe texte.",
       "dir/a.txt:2:6: read error: unknown date form '14/11/2023' (expected YYYY-MM or "
       "YYYY-MM-DD)"},
      {"date éééééééééééééééééééééé Le texte.",
       "dir/a.txt:1:6: read error: unknown date form 'éééééééééééééééééééé...' (expected YYYY-MM "
       "or YYYY-MM-DD)"},
      {"date\nLe texte.",
       "dir/a.txt:1:5: read error: missing date after 'date' (expected YYYY-MM or YYYY-MM-DD)"},
  };
  for (const auto& [content, expected] : cases) {
    SCOPED_TRACE(content);
    EXPECT_EQ(errorText(parseTextArticle(content, "dir/a.txt", "a")), expected);
  }
}

TEST(ParseTextArticle, ReplacesUtf8BomWithThreeSpaces) {
  common::Result<Article> article = parseTextArticle(
      "\xEF\xBB\xBF"
      "Titre\nCorps du texte.\n",
      "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->text, "   Titre\nCorps du texte.\n");
  EXPECT_EQ(article->title, "Titre");

  article = parseTextArticle(
      "\xEF\xBB\xBF"
      "date 2023-11 Corps.",
      "a", "a");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->text, std::string(15, ' ') + " Corps.");
}

TEST(ParseTextArticle, ColumnsAfterABomCountItsBytes) {
  EXPECT_EQ(errorText(parseTextArticle("\xEF\xBB\xBF"
                                       "date 2023/11 Corps.",
                                       "b.txt", "b")),
            "b.txt:1:9: read error: unknown date form '2023/11' (expected YYYY-MM or YYYY-MM-DD)");
}

TEST(ParseTextArticle, ReportsInvalidUtf8AtTheBadByte) {
  EXPECT_EQ(errorText(parseTextArticle("un\ndeux\ntrois\nSelon l'arm\xE9"
                                       "e",
                                       "x.txt", "x")),
            "x.txt:4:12: read error: invalid UTF-8 byte 0xE9");
  EXPECT_EQ(errorText(parseTextArticle("Texte tronqu\xC3", "x.txt", "x")),
            "x.txt:1:13: read error: invalid UTF-8 byte 0xC3");
  EXPECT_EQ(errorText(parseTextArticle("Surrogate \xED\xA0\x80 encod\xC3\xA9", "x.txt", "x")),
            "x.txt:1:11: read error: invalid UTF-8 byte 0xED");
}

TEST(ParseTextArticle, ReportsBinaryAndUtf16Files) {
  EXPECT_EQ(errorText(parseTextArticle(std::string("GIF\0\x01", 5), "x.bin.txt", "x.bin")),
            "x.bin.txt: read error: binary file (NUL byte at offset 3), not an article");
  EXPECT_EQ(errorText(parseTextArticle(std::string("\xFE\xFF\0G", 4), "x.txt", "x")),
            "x.txt: read error: UTF-16 text (byte order mark 0xFE 0xFF), convert it to UTF-8");
}

TEST(ParseTextArticle, ReportsNulByteAfterTheFirst8KiBWithItsPosition) {
  std::string content;
  for (int i = 0; i < 1500; ++i) content += "ligne\n";  // 9000 bytes
  content += std::string("ab\0c", 4);
  EXPECT_EQ(errorText(parseTextArticle(content, "x.txt", "x")),
            "x.txt:1501:3: read error: unexpected NUL byte");
}

TEST(ParseTextArticle, ReportsEmptyArticles) {
  for (std::string content : {"", " \n\t\r\n", "\xEF\xBB\xBF", "\xC2\xA0\n\xE2\x80\xAF"}) {
    EXPECT_EQ(errorText(parseTextArticle(content, "e.txt", "e")),
              "e.txt: read error: empty article");
  }
  EXPECT_EQ(errorText(parseTextArticle("  date 2021-12\n\n", "e.txt", "e")),
            "e.txt: read error: empty article (only a date header)");
}

// ---------------------------------------------------------------------------------------------
// parseJsonArticle

TEST(ParseJsonArticle, ReadsAllFields) {
  common::Result<Article> article = parseJsonArticle(
      R"({"id": "gao-1", "title": "Gao", "date": "2023-11-14", "url": "https://e.org/1", )"
      R"("text": "L\u2019arm\u00e9e est \"arriv\u00e9e\"."})",
      "feed.jsonl", 5, "feed-5");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(describe({*article}),
            "feed.jsonl:5 doc=gao-1 title=Gao date=2023-11-14 "
            "url=https://e.org/1\n");
  EXPECT_EQ(article->text, "L’armée est \"arrivée\".");
}

TEST(ParseJsonArticle, UsesDefaultDocWithoutIdAndAcceptsEveryDatePrecision) {
  for (std::string date : {"2023", "2023-11", "2023-11-14"}) {
    common::Result<Article> article =
        parseJsonArticle(R"({"text": "Texte.", "date": ")" + date + "\"}", "f.jsonl", 2, "f-2");
    ASSERT_TRUE(article.ok()) << errorText(article);
    EXPECT_EQ(article->doc, "f-2");
    EXPECT_EQ(article->date->toString(), date);
  }
}

TEST(ParseJsonArticle, IgnoresUnknownFieldsOfAnyTypeAndNullOptionalFields) {
  common::Result<Article> article = parseJsonArticle(
      R"({"auteur": {"nom": "X", "text": 3, "id": []}, "tags": [{"text": 1}, null], "n": 1.5,)"
      R"( "ok": true, "title": null, "date": null, "url": null, "id": null, "text": "Corps."})",
      "f.json", 1, "f");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(describe({*article}), "f.json:1 doc=f title= date=- url=\n");
  EXPECT_EQ(article->text, "Corps.");
}

TEST(ParseJsonArticle, WrongTypesNameTheFieldAtItsValue) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"text": 42})", "f.json:1:10: json error: field \"text\" must be a string, not a number"},
      {R"({"text": null})", "f.json:1:10: json error: field \"text\" must be a string, not null"},
      {R"({"text": "a", "title": true})",
       "f.json:1:24: json error: field \"title\" must be a string, not a boolean"},
      {R"({"id": 7, "text": "a"})",
       "f.json:1:8: json error: field \"id\" must be a string, not a number"},
      {R"({"text": "a", "date": ["2023"]})",
       "f.json:1:23: json error: field \"date\" must be a string, not an array"},
      {"{\"text\": \"a\",\n \"url\" :\n\t{\"href\": \"x\"}}",
       "f.json:3:2: json error: field \"url\" must be a string, not an object"},
  };
  for (const auto& [json, expected] : cases) {
    SCOPED_TRACE(json);
    EXPECT_EQ(errorText(parseJsonArticle(json, "f.json", 1, "f")), expected);
  }
}

TEST(ParseJsonArticle, RejectsMissingEmptyOrBlankTextAndId) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"(  {"title": "T"})", "f.json:1:3: json error: missing required field \"text\""},
      {R"({})", "f.json:1:1: json error: missing required field \"text\""},
      {R"({"text": ""})", "f.json:1:10: json error: field \"text\" is empty"},
      {R"({"text": " \n\t\u00a0"})",
       "f.json:1:10: json error: field \"text\" holds only whitespace"},
      {R"({"id": "", "text": "a"})", "f.json:1:8: json error: field \"id\" is empty"},
      {R"({"id": "  ", "text": "a"})",
       "f.json:1:8: json error: field \"id\" holds only whitespace"},
      {R"({"text": "a", "text": "b"})", "f.json:1:23: json error: duplicate field \"text\""},
  };
  for (const auto& [json, expected] : cases) {
    SCOPED_TRACE(json);
    EXPECT_EQ(errorText(parseJsonArticle(json, "f.json", 1, "f")), expected);
  }
}

TEST(ParseJsonArticle, ReportsUnknownDateForms) {
  EXPECT_EQ(errorText(parseJsonArticle(R"({"text": "a", "date": "2023-11-31"})", "f.json", 1, "f")),
            "f.json:1:23: json error: field \"date\": unknown date form '2023-11-31' (expected "
            "YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(
      errorText(parseJsonArticle(R"({"text": "a", "date": "novembre 2023"})", "f.json", 1, "f")),
      "f.json:1:23: json error: field \"date\": unknown date form 'novembre 2023' (expected "
      "YYYY, YYYY-MM or YYYY-MM-DD)");
}

TEST(ParseJsonArticle, MalformedJsonPointsAtLineAndColumnInTheSource) {
  EXPECT_EQ(errorText(parseJsonArticle(R"({"text": "abcd" "x": 1})", "feed.jsonl", 3, "feed-3")),
            "feed.jsonl:3:17: json error: Missing a comma or '}' after an object member.");
  // RapidJSON points where it noticed the error: after "tru", at the escape of a bad surrogate.
  EXPECT_EQ(
      errorText(parseJsonArticle("{\n  \"text\": \"a\",\n  \"id\": tru\n}", "f.json", 1, "f")),
      "f.json:3:12: json error: Invalid value.");
  EXPECT_EQ(errorText(parseJsonArticle(R"({"text": "a)", "f.json", 1, "f")),
            "f.json:1:12: json error: Missing a closing quotation mark in string.");
}

TEST(ParseJsonArticle, RejectsArraysAndScalars) {
  EXPECT_EQ(errorText(parseJsonArticle(R"( [{"text": "a"}])", "f.jsonl", 4, "f-4")),
            "f.jsonl:4:2: json error: expected an article object, found an array");
  EXPECT_EQ(errorText(parseJsonArticle("  12", "f.jsonl", 4, "f-4")),
            "f.jsonl:4:3: json error: expected an article object, found a number");
  EXPECT_EQ(errorText(parseJsonArticle("null", "f.jsonl", 4, "f-4")),
            "f.jsonl:4:1: json error: expected an article object, found null");
}

TEST(ParseJsonArticle, RejectsEscapedNulAndLoneSurrogates) {
  EXPECT_EQ(errorText(parseJsonArticle(R"({"text": "a\u0000b"})", "f.json", 1, "f")),
            "f.json:1:10: json error: field \"text\" contains a NUL character (\\u0000)");
  EXPECT_EQ(errorText(parseJsonArticle(R"({"text": "a", "title": "\udc00"})", "f.json", 1, "f")),
            "f.json:1:24: json error: field \"title\" is not valid UTF-8 after unescaping "
            "(unpaired surrogate escape?)");
  EXPECT_EQ(errorText(parseJsonArticle(R"({"text": "\ud800x"})", "f.json", 1, "f")),
            "f.json:1:11: json error: The surrogate pair in string is invalid.");
}

TEST(ParseJsonArticle, ReportsRawBytesAsReadErrors) {
  EXPECT_EQ(errorText(parseJsonArticle("{\"text\": \"caf\xE9\"}", "f.jsonl", 9, "f-9")),
            "f.jsonl:9:14: read error: invalid UTF-8 byte 0xE9");
  EXPECT_EQ(errorText(parseJsonArticle(std::string("{\"text\": \"a\"}\0 garbage", 22), "f.jsonl", 9,
                                       "f-9")),
            "f.jsonl:9:14: read error: unexpected NUL byte");
  EXPECT_EQ(errorText(parseJsonArticle("  ", "f.jsonl", 9, "f-9")),
            "f.jsonl: read error: empty article");
}

TEST(ParseJsonArticle, SkipsUtf8BomAndCountsItsBytesInColumns) {
  common::Result<Article> article = parseJsonArticle("\xEF\xBB\xBF{\"text\": \"a\"}", "f", 1, "f");
  ASSERT_TRUE(article.ok()) << errorText(article);
  EXPECT_EQ(article->text, "a");
  EXPECT_EQ(errorText(parseJsonArticle("\xEF\xBB\xBF{\"text\": 1}", "f", 1, "f")),
            "f:1:13: json error: field \"text\" must be a string, not a number");
}

// ---------------------------------------------------------------------------------------------
// readArticles

TEST(ArticleReader, ReportsMissingFile) {
  TempDir dir;
  Collected got = readPath(dir / "nope.txt");
  EXPECT_EQ(got.errors,
            std::vector<std::string>{dir / "nope.txt" + ": read error: No such file or directory"});
  EXPECT_EQ(got.returned, 1u);
  EXPECT_TRUE(got.articles.empty());
}

TEST(ArticleReader, ReportsUnsupportedExtensionWhenNamedExplicitly) {
  TempDir dir;
  writeFile(dir / "notes.md", "Des notes.\n");
  writeFile(dir / "LISEZMOI", "Des notes.\n");
  EXPECT_EQ(readPath(dir / "notes.md").errors,
            std::vector<std::string>{dir / "notes.md" +
                                     ": read error: unsupported file extension '.md' (expected "
                                     ".txt, .json or .jsonl)"});
  EXPECT_EQ(readPath(dir / "LISEZMOI").errors,
            std::vector<std::string>{dir / "LISEZMOI" + ": read error: no file extension (expected "
                                                        ".txt, .json or .jsonl)"});
}

TEST(ArticleReader, ReportsInvalidUtf8WithLineAndColumn) {
  TempDir dir;
  writeFile(dir / "x.txt",
            "Titre\nun\ndeux\nSelon l'arm\xE9"
            "e malienne.\n");
  Collected got = readPath(dir / "x.txt");
  EXPECT_EQ(got.errors,
            std::vector<std::string>{dir / "x.txt" + ":4:12: read error: invalid UTF-8 byte 0xE9"});
  EXPECT_TRUE(got.articles.empty());
}

TEST(ArticleReader, ReadsJsonLinesAroundABadLine) {
  TempDir dir;
  writeFile(dir / "feed.jsonl",
            "{\"id\": \"a\", \"text\": \"Premier.\"}\n"
            "{\"id\": \"b\", \"text\": \"Deux\" \"x\": 1}\n"
            "{\"text\": \"Troisième.\"}\r\n");
  Collected got = readPath(dir / "feed.jsonl");
  EXPECT_EQ(got.errors, std::vector<std::string>{
                            dir / "feed.jsonl" +
                            ":2:28: json error: Missing a comma or '}' after an object member."});
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "feed.jsonl:1 doc=a title= date=- url=\n"
            "feed.jsonl:3 doc=feed-3 title= date=- url=\n");
  EXPECT_EQ(got.returned, 1u);
}

TEST(ArticleReader, ReadsUtf8BomAtTheStartOfJsonAndJsonLines) {
  TempDir dir;
  writeFile(dir / "a.json", "\xEF\xBB\xBF{\"text\": \"Un.\"}\n");
  writeFile(dir / "b.jsonl", "\xEF\xBB\xBF{\"text\": \"Deux.\"}\n{\"text\": \"Trois.\"}\n");
  Collected got = readPath(dir.path().string());
  EXPECT_EQ(got.errors, std::vector<std::string>{});
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "a.json:1 doc=a title= date=- url=\n"
            "b.jsonl:1 doc=b-1 title= date=- url=\n"
            "b.jsonl:2 doc=b-2 title= date=- url=\n");
}

TEST(ArticleReader, RejectsOversizedArticlesAndLinesWithTheirSizeAndGoesOn) {
  TempDir dir;
  writeFile(dir / "a.jsonl", "{\"text\": \"court\"}\n{\"text\": \"" + std::string(100, 'x') +
                                 "\"}\n{\"text\": \"court aussi\"}");
  writeFile(dir / "b.txt", std::string(65, 'y'));
  writeFile(dir / "c.txt", std::string(64, 'z'));
  writeFile(dir / "d.json", "{\"text\": \"" + std::string(60, 'w') + "\"}");
  Collected got = readPath(dir.path().string(), ReadOptions{64});
  EXPECT_EQ(got.errors,
            (std::vector<std::string>{
                dir / "a.jsonl" + ":2: read error: line of 112 bytes is larger than the limit of "
                                  "64 bytes",
                dir / "b.txt" + ": read error: article of 65 bytes is larger than the limit of "
                                "64 bytes",
                dir / "d.json" + ": read error: JSON file of 72 bytes is larger than the limit of "
                                 "64 bytes"}));
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "a.jsonl:1 doc=a-1 title= date=- url=\n"
            "a.jsonl:3 doc=a-3 title= date=- url=\n"
            "c.txt:1 doc=c title= date=- url=\n");
  EXPECT_EQ(got.returned, 3u);
}

// Writes `size` bytes: `head`, then `fill` repeated, then `tail`.
void writeLargeFile(const std::string& path, std::string_view head, char fill,
                    std::string_view tail, std::size_t size) {
  std::ofstream out(path, std::ios::binary);
  out << head;
  std::string chunk(1u << 20, fill);
  std::size_t left = size - head.size() - tail.size();
  while (left > 0) {
    std::size_t n = std::min(left, chunk.size());
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    left -= n;
  }
  out << tail;
}

TEST(ArticleReader, Rejects100MbSingleLineWithTheDefaultLimitAndGoesOn) {
  constexpr std::size_t kSize = 100u << 20;
  TempDir dir;
  writeLargeFile(dir / "a_big.jsonl", "{\"text\": \"", 'a', "\"}", kSize);
  {
    std::ofstream out(dir / "a_big.jsonl", std::ios::binary | std::ios::app);
    out << "\n{\"id\": \"apres\", \"text\": \"Ligne suivante.\"}\n";
  }
  writeLargeFile(dir / "b_big.txt", "Le Mali ", 'm', ".", kSize);
  writeFile(dir / "c_small.txt", "Un petit article sur Sikasso.\n");
  Collected got = readPath(dir.path().string());
  EXPECT_EQ(got.errors,
            (std::vector<std::string>{
                dir / "a_big.jsonl" + ":1: read error: line of 104857600 bytes is larger than "
                                      "the limit of 33554432 bytes",
                dir / "b_big.txt" + ": read error: article of 104857600 bytes is larger than the "
                                    "limit of 33554432 bytes"}));
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "a_big.jsonl:2 doc=apres title= date=- url=\n"
            "c_small.txt:1 doc=c_small title= date=- url=\n");
  EXPECT_EQ(got.returned, 2u);
}

TEST(ArticleReader, DeeplyNestedJsonIsAnErrorNotACrash) {
  TempDir dir;
  writeFile(dir / "deep.json", std::string(1000000, '['));
  std::string nested = std::string(100000, '[') + std::string(100000, ']');
  writeFile(dir / "nested_field.json", "{\"x\": " + nested + ", \"text\": \"Corps.\"}");
  Collected got = readPath(dir.path().string());
  EXPECT_EQ(got.errors,
            std::vector<std::string>{dir / "deep.json" + ":1:1000001: json error: Invalid value."});
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "nested_field.json:1 doc=nested_field title= date=- url=\n");
}

TEST(ArticleReader, ReadsADirectoryMixOfGoodAndBadFiles) {
  TempDir dir;
  for (std::string name : {"titre_et_corps.txt", "fil.jsonl", "liste.json"}) {
    fs::copy_file(kGoodDir + "/" + name, dir / name);
  }
  fs::create_directories(dir / "mauvais");
  for (std::string name : {"empty.txt", "json_malformed.json", "jsonl_bad_line2.jsonl"}) {
    fs::copy_file(kBadDir + "/" + name, dir / ("mauvais/" + name));
  }
  writeFile(dir / "mauvais/image.png", std::string("\x89PNG\0\0", 6));
  Collected got = readPath(dir.path().string());
  EXPECT_EQ(got.errors,
            (std::vector<std::string>{
                dir / "mauvais/empty.txt" + ": read error: empty article",
                dir / "mauvais/json_malformed.json" +
                    ":4:3: json error: Missing a comma or '}' after an object member.",
                dir / "mauvais/jsonl_bad_line2.jsonl" +
                    ":2:52: json error: Missing a comma or '}' after an object member."}));
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "fil.jsonl:1 doc=fil-a title=Gao date=- url=\n"
            "fil.jsonl:3 doc=fil-3 title= date=2021-12 url=\n"
            "liste.json:2 doc=segou-1 title= date=2022 url=\n"
            "liste.json:3 doc=liste-2 title= date=- url=\n"
            "mauvais/jsonl_bad_line2.jsonl:1 doc=l1 title= date=- url=\n"
            "mauvais/jsonl_bad_line2.jsonl:3 doc=l3 title= date=- url=\n"
            "titre_et_corps.txt:1 doc=titre_et_corps title=Attaque contre un poste militaire "
            "près de Ménaka date=- url=\n");
  EXPECT_EQ(got.returned, 3u);
}

TEST(ArticleReader, OrdersFilesByPathElementByElement) {
  TempDir dir;
  for (std::string name : {"b.txt", "a-c.txt", "B.txt", "a/z.txt", "a/sub/y.txt", "a/m.txt"}) {
    writeFile(dir / name, "Texte de " + name + ".\n");
  }
  Collected got = readPath(dir.path().string() + "/");
  EXPECT_EQ(got.errors, std::vector<std::string>{});
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "B.txt:1 doc=B title= date=- url=\n"
            "a/m.txt:1 doc=m title= date=- url=\n"
            "a/sub/y.txt:1 doc=y title= date=- url=\n"
            "a/z.txt:1 doc=z title= date=- url=\n"
            "a-c.txt:1 doc=a-c title= date=- url=\n"
            "b.txt:1 doc=b title= date=- url=\n");
}

TEST(ArticleReader, SkipsHiddenEntriesOtherExtensionsAndDirectorySymlinks) {
  TempDir dir;
  writeFile(dir / "sub/a.txt", "Texte A.\n");
  writeFile(dir / ".cache/b.txt", "");
  writeFile(dir / ".c.txt", "");
  writeFile(dir / "d.csv", "");
  writeFile(dir / "e.txt.bak", "");
  fs::create_directory_symlink(dir / "sub", dir / "lien");
  fs::create_directory_symlink(dir.path(), dir / "sub/boucle");
  Collected got = readPath(dir.path().string());
  EXPECT_EQ(got.errors, std::vector<std::string>{});
  EXPECT_EQ(describe(got.articles, dir.path().string() + "/"),
            "sub/a.txt:1 doc=a title= date=- url=\n");
}

TEST(ArticleReader, ReportsFileThatCannotBeOpenedInADirectory) {
  TempDir dir;
  writeFile(dir / "a.txt", "Texte A.\n");
  fs::create_symlink(dir / "absent.txt", dir / "b.txt");
  writeFile(dir / "c.txt", "Texte C.\n");
  Collected got = readPath(dir.path().string());
  EXPECT_EQ(got.errors,
            std::vector<std::string>{dir / "b.txt" + ": read error: No such file or directory"});
  EXPECT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.returned, 1u);
}

TEST(ArticleReader, StopsWhenTheSinkReturnsFalse) {
  TempDir dir;
  writeFile(dir / "a.txt", "Texte A.\n");
  writeFile(dir / "b.txt", "");
  writeFile(dir / "c.jsonl", "{\"text\": \"1\"}\n{\"text\": \"2\"}\n");
  writeFile(dir / "d.txt", "");

  std::vector<std::string> seen;
  ArticleSink stopAtFirstArticle{[&seen](Article&& article) {
                                   seen.push_back(article.doc);
                                   return false;
                                 },
                                 nullptr};
  EXPECT_EQ(readArticles(dir.path().string(), {}, stopAtFirstArticle), 0u);
  EXPECT_EQ(seen, std::vector<std::string>{"a"});

  seen.clear();
  ArticleSink stopAtFirstError{[&seen](Article&& article) {
                                 seen.push_back(article.doc);
                                 return true;
                               },
                               [&seen](const common::Error& error) {
                                 seen.push_back(error.message);
                                 return false;
                               }};
  EXPECT_EQ(readArticles(dir.path().string(), {}, stopAtFirstError), 1u);
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "empty article"}));

  seen.clear();
  ArticleSink stopInsideJsonLines{[&seen](Article&& article) {
                                    seen.push_back(article.doc);
                                    return article.doc != "c-1";
                                  },
                                  [](const common::Error&) { return true; }};
  EXPECT_EQ(readArticles(dir.path().string(), {}, stopInsideJsonLines), 1u);
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "c-1"}));
}

TEST(ArticleReader, EmptySinkFunctionsStillCountErrors) {
  EXPECT_EQ(readArticles(kBadDir + "/empty.txt", {}, ArticleSink{}), 1u);
  EXPECT_EQ(readArticles(kGoodDir, {}, ArticleSink{}), 0u);
}

TEST(ArticleReader, ReadsStandardInputAsPlainText) {
  Collected got = readStdin("Titre sur Gao\nLe corps.\n");
  EXPECT_EQ(got.errors, std::vector<std::string>{});
  EXPECT_EQ(describe(got.articles), "<stdin>:1 doc=stdin title=Titre sur Gao date=- url=\n");

  got = readStdin("[Reportage] Gao sous le soleil.\n");
  EXPECT_EQ(describe(got.articles), "<stdin>:1 doc=stdin title= date=- url=\n");

  got = readStdin("date 2023/11 Le corps.\n");
  EXPECT_EQ(got.errors, std::vector<std::string>{
                            "<stdin>:1:6: read error: unknown date form '2023/11' (expected "
                            "YYYY-MM or YYYY-MM-DD)"});
}

TEST(ArticleReader, ReadsStandardInputAsJsonObjectOrArray) {
  Collected got = readStdin("\n  {\n  \"title\": \"T\",\n  \"text\": \"Le corps.\"\n}\n");
  EXPECT_EQ(got.errors, std::vector<std::string>{});
  EXPECT_EQ(describe(got.articles), "<stdin>:2 doc=stdin title=T date=- url=\n");

  got = readStdin("[{\"text\": \"Un.\"},\n {\"id\": \"x\", \"text\": \"Deux.\"}, {\"text\": 3}]");
  EXPECT_EQ(got.errors, std::vector<std::string>{
                            "<stdin>:2:41: json error: field \"text\" must be a string, not a "
                            "number"});
  EXPECT_EQ(describe(got.articles),
            "<stdin>:1 doc=stdin-1 title= date=- url=\n"
            "<stdin>:2 doc=x title= date=- url=\n");
}

TEST(ArticleReader, ReadsStandardInputAsJsonLines) {
  Collected got = readStdin(
      "{\"text\": \"Un.\"}\r\n{\"id\": \"x\", \"text\": \"Deux.\"}\n\n{\"text\": \"Quatre\n");
  EXPECT_EQ(got.errors, std::vector<std::string>{
                            "<stdin>:4:17: json error: Missing a closing quotation mark in "
                            "string."});
  EXPECT_EQ(describe(got.articles),
            "<stdin>:1 doc=stdin-1 title= date=- url=\n"
            "<stdin>:2 doc=x title= date=- url=\n");
}

}  // namespace
}  // namespace newsgraph::ingest
