// Subjects shared across clauses and partners of an action: coordinated verbs ("X condamnent
// ... et accusent Y"), a main clause before a long relative clause, co-agents after "avec",
// subjects listed after the object, ordered withdrawals; implicit objects named elsewhere.
#include <string_view>

#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

using namespace std::string_view_literals;  // keys compare by size first

bool SentenceReader::isMonthPhrase(std::uint32_t k) const {
  // "Gossi en avril et Ménaka en juin": the month and its "en", "début", "fin", "mi", "dès".
  if (k >= sentence_.endToken) return false;
  if (word(k, kMonth)) return true;
  return word(k, kMonthLead) && k + 1 < sentence_.endToken &&
         (word(k + 1, kMonth) || insideDate(k + 1));
}

bool SentenceReader::opensClauseAsWritten(std::uint32_t k) const {
  const Token& t = analysis_.tokens[k];
  // Keys fold accents: "où" opens a clause, "ou" coordinates ("Ansar Dine ou Al-Mourabitoune").
  return t.key != "ou"sv ||
         std::string_view(article_.text).substr(t.begin, t.end - t.begin) != "ou"sv;
}

bool SentenceReader::possessiveNoun(std::uint32_t k, std::uint32_t gapTo) const {
  const auto& tokens = analysis_.tokens;
  if (k + 2 >= gapTo) return false;
  const Token& noun = tokens[k + 1];
  const std::string& de = tokens[k + 2].key;
  if (noun.kind != TokenKind::kWord || noun.has(kTitleCase) ||
      (de != "de"sv && de != "d'"sv && de != "du"sv && de != "des"sv)) {
    return false;
  }
  // "et ses supplétifs de Wagner"; "et les djihadistes du JNIM" (a noun for the members).
  return word(k, kPossessive) || (word(k, kDeterminer) && word(k + 1, kMemberNoun));
}

std::uint32_t SentenceReader::possessiveTitle(std::uint32_t k, std::uint32_t gapTo) const {
  if (!word(k, kPossessive)) return 0;
  // The title ends the gap, right before the name: "son ministre X", "son Premier ministre X".
  for (std::uint32_t words = 1; words <= 2 && k + words < gapTo + 1; ++words) {
    if (k + words + 1 != gapTo) continue;
    if (word(k + words, kTitle)) return words;
  }
  return 0;
}

bool SentenceReader::isComplement(std::uint32_t token) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t k = token;
  while (k > sentence_.firstToken && word(k - 1, kDeterminer)) --k;
  if (k <= sentence_.firstToken) return false;
  const std::string& de = tokens[k - 1].key;
  return de == "de"sv || de == "d'"sv || de == "du"sv || de == "des"sv;
}

const Argument* SentenceReader::coordinatedVerbSubject(std::uint32_t cue,
                                                       const ClassConstraint& classes) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t k = cue;
  while (k > sentence_.firstToken && (word(k - 1, kAuxiliary) || word(k - 1, kPassiveAuxiliary) ||
                                      tokens[k - 1].key == "s'"sv || tokens[k - 1].key == "se"sv)) {
    --k;
  }
  if (k <= sentence_.firstToken || (tokens[k - 1].key != "et"sv && tokens[k - 1].key != "puis"sv)) {
    return nullptr;
  }
  return firstSubjectOfClause(k - 1, classes);
}

const Argument* SentenceReader::firstSubjectOfClause(std::uint32_t at,
                                                     const ClassConstraint& classes) const {
  std::uint32_t start = clauseStart(at, 4 * kSubjectWindow);
  for (const Argument& a : arguments_) {
    if (a.mention->firstToken < start || a.mention->endToken > at) continue;
    if (fits(a, classes) && !isComplement(a.mention->firstToken)) return &a;
  }
  return nullptr;
}

std::vector<const Argument*> SentenceReader::coAgents(std::uint32_t end, const Argument* object,
                                                      const ClassConstraint& classes) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t limit = clauseEnd(end, kObjectWindow);
  for (std::uint32_t k = end; k < limit; ++k) {
    if (tokens[k].key != "avec"sv) continue;
    std::uint32_t from = k + 1;
    while (from < limit && word(from, kDeterminer)) ++from;
    const Argument* partner = firstIn(from, from + 1, classes);
    if (partner == nullptr || partner == object ||
        partner->mention->firstToken <= object->mention->firstToken) {
      return {};
    }
    return coordinated(partner, false, classes);
  }
  return {};
}

std::vector<const Argument*> SentenceReader::distributedSubjects(
    const Argument* object, const ClassConstraint& classes) const {
  const auto& tokens = analysis_.tokens;
  std::uint32_t k = object->mention->endToken;
  if (k + 1 >= sentence_.endToken || tokens[k].key != ","sv) return {};
  ++k;
  while (k < sentence_.endToken && word(k, kDeterminer)) ++k;
  // Capitals name their states here: "Bamako dès mai 2022".
  latentAnywhere_ = true;
  const Argument* head = firstIn(k, k + 1, classes);
  latentAnywhere_ = false;
  if (head == nullptr) return {};
  // Each member carries its date: the first one shows the construction.
  std::uint32_t after = head->mention->endToken;
  while (after < sentence_.endToken &&
         (tokens[after].key == "des"sv || tokens[after].key == "en"sv ||
          tokens[after].key == "depuis"sv)) {
    ++after;
  }
  if (after >= sentence_.endToken || !(insideDate(after) || isMonthPhrase(after))) return {};
  latentAnywhere_ = true;
  std::vector<const Argument*> group = coordinated(head, false, classes);
  latentAnywhere_ = false;
  return group;
}

void SentenceReader::readOrderedWithdrawal(std::uint32_t first, std::uint32_t end,
                                           const Argument* leaving) {
  const ontology::RelationType* expels = ontology_.findRelationType("EXPELS");
  if (expels == nullptr || !fits(*leaving, signature(expels).range)) return;
  // The order verb before the noun, in its clause: "a exigé (devant le Conseil) le retrait".
  std::uint32_t start = clauseStart(first, kSubjectWindow);
  for (std::uint32_t v = first; v-- > start;) {
    if (!word(v, kOrderVerb)) continue;
    if (v > sentence_.firstToken && word(v - 1, kDeterminer)) return;
    const Argument* subject = adjunctSubject(v, signature(expels).domain);
    if (subject == nullptr) subject = subjectBefore(v, signature(expels).domain);
    if (subject == nullptr) return;
    CueInfo info{expels, ontology::CueKind::kVerb, {}};
    emit(subject, {}, info, leaving, {}, first, end, "ordered-withdrawal", 0.6);
    return;
  }
}

// "Le retrait de la MINUSMA, qui a quitté son camp de Kidal": the sentence names what is left,
// so the article's country, implied by "le retrait de la MINUSMA", is not.
void SentenceReader::dropImplicitObjects() {
  auto implicit = [](const ExtractedRelation& r) {
    return r.pattern == "implicit-object"sv || r.pattern == "nominal-implicit"sv;
  };
  // This sentence's relations are the last ones appended.
  std::size_t from = out_.size();
  while (from > 0 && out_[from - 1].sentence == index_) --from;
  auto named = [&](const ExtractedRelation& r) {
    if (!implicit(r)) return false;
    for (std::size_t k = from; k < out_.size(); ++k) {
      const ExtractedRelation& other = out_[k];
      if (!implicit(other) && other.subject == r.subject && other.predicate == r.predicate) {
        return true;
      }
    }
    return false;
  };
  std::vector<bool> drop(out_.size() - from, false);
  bool any = false;
  for (std::size_t k = from; k < out_.size(); ++k) {
    drop[k - from] = named(out_[k]);
    any = any || drop[k - from];
  }
  if (!any) return;
  std::size_t kept = from;
  for (std::size_t k = from; k < out_.size(); ++k) {
    if (drop[k - from]) continue;
    if (kept != k) out_[kept] = std::move(out_[k]);
    ++kept;
  }
  out_.resize(kept);
}

}  // namespace newsgraph::ingest
