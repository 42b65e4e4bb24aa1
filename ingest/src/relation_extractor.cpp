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
      cues_(std::make_unique<RelationCueIndex>(ontology)),
      lexicons_(std::make_unique<RelationLexicons>(ontology)),
      anaphora_(std::make_unique<AnaphorResolver>(ontology)),
      status_(ontology) {}

RelationExtractor::~RelationExtractor() = default;

std::vector<ExtractedRelation> RelationExtractor::extract(const Article& article,
                                                          const DocumentAnalysis& analysis) const {
  const Recognition& found = analysis.recognition;
  std::map<std::string, std::string> discoveredClass;
  for (const DiscoveredEntity& d : found.discovered) discoveredClass[d.id] = d.cls;
  auto classOf = [&](const std::string& id) {
    if (const ontology::EntityRecord* e = ontology_.findEntity(id)) return e->cls;
    auto it = discoveredClass.find(id);
    return it == discoveredClass.end() ? std::string("Actor") : it->second;
  };
  const std::string& focus = analysis.focusCountry;  // the country the article is about

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
      arguments.push_back(Argument{&m, classOf(m.entity), {}, false});
      const ontology::EntityRecord* town = ontology_.findEntity(m.entity);
      if (m.kind != MentionKind::kName || town == nullptr || town->metonymFor.empty() ||
          ontology_.findEntity(town->metonymFor) == nullptr) {
        continue;
      }
      latent.push_back(m);
      latent.back().entity = town->metonymFor;
      latent.back().kind = MentionKind::kMetonym;
      bool afterLocative = m.firstToken > analysis.sentences[s].firstToken &&
                           lexicons_->isLocative(analysis.tokens[m.firstToken - 1].key);
      arguments.push_back(
          Argument{&latent.back(), classOf(town->metonymFor), town->cls, afterLocative});
    }
    anaphora_->resolve(analysis, s, arguments, previous, anaphors);
    if (arguments.empty()) continue;
    SentenceReader(ontology_, *cues_, *lexicons_, status_, article, analysis, s, arguments,
                   previous, focus, relations)
        .run();
  }
  return relations;
}

}  // namespace newsgraph::ingest
