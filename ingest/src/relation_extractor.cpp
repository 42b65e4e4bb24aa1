#include "newsgraph/ingest/relation_extractor.h"

#include <algorithm>
#include <deque>
#include <map>

#include "relation_anaphora.h"
#include "relation_sentence_reader.h"

namespace newsgraph::ingest {

std::string ExtractedRelation::toString() const {
  std::string out =
      subject + " " + predicate + " " + object + " [" + std::string(graph::statusName(status));
  if (!source.empty()) out += " by " + source;
  if (date) out += ", " + date->toString();
  out += ", " + pattern + "]";
  return out;
}

RelationExtractor::RelationExtractor(const ontology::Ontology& ontology)
    : ontology_(ontology),
      classes_(std::make_unique<RelationClasses>(ontology)),
      cues_(std::make_unique<RelationCueIndex>(ontology)),
      lexicons_(std::make_unique<RelationLexicons>(ontology)),
      features_(std::make_unique<TokenFeatures>(*lexicons_, *cues_)),
      anaphora_(std::make_unique<AnaphorResolver>(ontology, *classes_)),
      status_(ontology) {}

RelationExtractor::~RelationExtractor() = default;

std::vector<ExtractedRelation> RelationExtractor::extract(const Article& article,
                                                          const DocumentAnalysis& analysis) const {
  const Recognition& found = analysis.recognition;
  std::map<std::string, ClassId, std::less<>> discoveredClass;
  for (const DiscoveredEntity& d : found.discovered)
    discoveredClass[d.id] = classes_->table.id(d.cls);
  auto classOf = [&](const ontology::EntityRecord* known, const std::string& id) {
    if (known != nullptr) return classes_->table.classOf(*known);
    auto it = discoveredClass.find(id);
    return it == discoveredClass.end() ? classes_->actorId : it->second;
  };
  const std::string& focus = analysis.focusCountry;  // the country the article is about
  features_->compute(analysis.tokens);
  ArticleStatuses statuses(status_, analysis.tokens, analysis.sentences, found.mentions);

  std::vector<ExtractedRelation> relations;
  std::vector<Argument> arguments;
  // A capital the recognizer kept as a town may still name its state where only an actor fits
  // ("accuse Bamako de ..."): its state follows it as a latent argument (see
  // SentenceReader::fits). Reserved up front: arguments point into it.
  std::vector<Mention> latent;
  latent.reserve(found.mentions.size());
  std::deque<Mention> anaphors;  // "le camp", "ces combattants": see AnaphorResolver
  std::size_t next = 0;
  // The arguments of the sentences before, most recent first, for anaphora ("le mouvement",
  // "son porte-parole").
  std::vector<Argument> previous;
  for (std::uint32_t s = 0; s < analysis.sentences.size(); ++s) {
    if (!arguments.empty()) {
      previous.insert(previous.begin(), arguments.begin(), arguments.end());
      // Keep only those of the last kAnaphoraSentences sentences.
      std::uint32_t oldest = s > kAnaphoraSentences ? s - kAnaphoraSentences : 0;
      previous.erase(
          std::remove_if(previous.begin(), previous.end(),
                         [&](const Argument& a) { return a.mention->sentence < oldest; }),
          previous.end());
    }
    arguments.clear();
    while (next < found.mentions.size() && found.mentions[next].sentence < s) ++next;
    for (std::size_t k = next; k < found.mentions.size() && found.mentions[k].sentence == s; ++k) {
      const Mention& m = found.mentions[k];
      const ontology::EntityRecord* town = ontology_.findEntity(m.entity);
      arguments.push_back(Argument{&m, classOf(town, m.entity), kNoClass, false});
      const ontology::EntityRecord* state =
          m.kind != MentionKind::kName || town == nullptr || town->metonymFor.empty()
              ? nullptr
              : ontology_.findEntity(town->metonymFor);
      if (state == nullptr) continue;
      latent.push_back(m);
      latent.back().entity = town->metonymFor;
      latent.back().kind = MentionKind::kMetonym;
      bool afterLocative = m.firstToken > analysis.sentences[s].firstToken &&
                           features_->is(m.firstToken - 1, kLocative);
      arguments.push_back(Argument{&latent.back(), classOf(state, town->metonymFor),
                                   classes_->table.classOf(*town), afterLocative});
    }
    anaphora_->resolve(analysis, *features_, s, arguments, previous, anaphors);
    if (arguments.empty()) continue;
    SentenceReader(ontology_, *classes_, *cues_, *features_, statuses, article, analysis, s,
                   arguments, previous, focus, relations)
        .run();
  }
  return relations;
}

}  // namespace newsgraph::ingest
