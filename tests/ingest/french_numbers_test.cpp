// The private French lexicon of the date and quantity parsers (ingest/src/french_numbers.h):
// the digit test and the key-prefix filter of the prefilters, and the vocabulary look-up.
#include "french_numbers.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>

namespace newsgraph::ingest::french {
namespace {

const auto* bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

TEST(FrenchNumbers, HasDigitSeesEveryDigitAndNothingElse) {
  for (std::size_t size : {1u, 7u, 8u, 9u, 17u}) {
    for (std::size_t at = 0; at < size; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string text(size, 'a');
        text[at] = static_cast<char>(byte);
        EXPECT_EQ(hasDigit(text), byte >= '0' && byte <= '9') << size << " " << at << " " << byte;
      }
    }
  }
  EXPECT_FALSE(hasDigit(""));
  EXPECT_FALSE(
      hasDigit("Le onze novembre, à l\xE2\x80\x99"
               "aube."));
}

TEST(FrenchNumbers, KeyPrefixesLetThroughEveryWantedKey) {
  constexpr auto isMonth = [](Word w) { return monthOf(w) > 0; };
  constexpr KeyPrefixes months(isMonth);
  for (const Vocabulary::Entry& entry : Vocabulary::entries()) {
    std::string upper(entry.key);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& word : {std::string(entry.key), upper}) {
      if (isMonth(entry.word)) {
        EXPECT_TRUE(mayBeWanted(bytes(word), 0, word.size(), months)) << word;
      }
      EXPECT_TRUE(mayBeWanted(bytes(word), 0, word.size(), kVocabularyPrefixes)) << word;
    }
  }
}

TEST(FrenchNumbers, KeyPrefixesTellOtherWordsApartByThreeLetters) {
  constexpr KeyPrefixes months([](Word w) { return monthOf(w) > 0; });
  auto wanted = [&](std::string_view word) {
    return mayBeWanted(bytes(word), 0, word.size(), months);
  };
  EXPECT_FALSE(wanted("les"));
  EXPECT_FALSE(wanted("ma"));        // "mars", "mai": the end of the word counts
  EXPECT_FALSE(wanted("jeudi"));     // a weekday, not a month
  EXPECT_TRUE(wanted("Marseille"));  // shares "mar" with "mars"
  EXPECT_TRUE(
      wanted("d\xC3\xA9"
             "cembre"));                     // an accent among the three bytes: let through
  EXPECT_TRUE(wanted("\xC3\x89t\xC3\xA9"));  // a word starting with an accent: let through
}

TEST(FrenchNumbers, ClassifyFindsEveryKeyInAnyCase) {
  for (const Vocabulary::Entry& entry : Vocabulary::entries()) {
    std::string upper(entry.key);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(classify(entry.key), entry.word) << entry.key;
    EXPECT_EQ(classify(upper), entry.word) << upper;
  }
  EXPECT_EQ(classify("f\xC3\xA9vrier"), Word::kFevrier);
  EXPECT_EQ(classify("Ao\xC3\xBBt"), Word::kAout);
  EXPECT_EQ(classify("aujourd\xE2\x80\x99"), Word::kAujourd);
  EXPECT_EQ(classify("attaque"), Word::kNone);
  EXPECT_EQ(classify("Marseille"), Word::kNone);
  EXPECT_EQ(classify(""), Word::kNone);
}

}  // namespace
}  // namespace newsgraph::ingest::french
