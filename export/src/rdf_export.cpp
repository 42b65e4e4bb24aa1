// The RDF model of docs/RDF.md, written statement by statement through StatementWriter.
#include "newsgraph/export/rdf_export.h"

#include <charconv>
#include <cmath>
#include <unordered_map>
#include <vector>

#include "newsgraph/common/text.h"
#include "rdf_owl.h"
#include "rdf_terms.h"
#include "rdf_vocabulary.h"
#include "statement_writer.h"

namespace newsgraph::exporter {
namespace {

using graph::ArticleId;
using graph::EdgeId;
using graph::VertexId;

// Where a provenance item sits, for grouping TriG output by article: a statement (edge,
// evidence index), a mention (vertex, mention index) or an event's evidence (vertex).
enum class ItemKind : std::uint64_t { kStatement = 0, kMention = 1, kEventEvidence = 2 };

std::uint64_t packItem(ItemKind kind, std::uint32_t id, std::uint32_t index) {
  return (static_cast<std::uint64_t>(kind) << 62) | (static_cast<std::uint64_t>(id) << 30) |
         (index & ((1U << 30) - 1));
}

std::string decimalText(double value) {
  char buffer[400];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  std::string text(buffer, result.ptr);
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

// True when a relation should appear as a direct triple: the text asserts it or someone claims
// it, or it is a background fact. Negated and hypothetical evidence lives in statement nodes only.
bool isTruthy(const graph::RelationEdge& edge) {
  for (const graph::Evidence& ev : edge.evidence) {
    if (ev.status == graph::EvidenceStatus::kAsserted ||
        ev.status == graph::EvidenceStatus::kClaimed)
      return true;
  }
  return false;
}

class RdfExporter {
 public:
  RdfExporter(const graph::KnowledgeGraph& graph, const ontology::Ontology& ontology,
              const RdfExportOptions& options, rdf::StatementWriter& writer)
      : g_(graph), ontology_(ontology), options_(options), w_(writer), terms_() {
    for (const ontology::RelationType& type : ontology.relationTypes()) {
      properties_[type.name] =
          "ng:" + rdf::encoded(type.property.empty() ? rdf::camelCase(type.name) : type.property);
    }
    for (const ontology::EventType& type : ontology.eventTypes()) {
      eventTypes_[type.acledType + '\n' + type.acledSubType] = "ng:" + rdf::encoded(type.name);
    }
    ontologyIri_ = options.base + std::string(rdf::kOntologyIri);
  }

  void run() {
    writePrefixes();
    if (options_.provenance) {
      rdf::writeOntologyOwl(
          w_, terms_, ontology_, ontologyIri_,
          [this](const std::string& type) -> const std::string& { return property(type); });
      writeArticles();
    }
    for (VertexId v = 0; v < g_.entityCount(); ++v) {
      if (isLive(v)) writeEntity(v);
    }
    if (!options_.provenance) return;
    if (options_.syntax == RdfSyntax::kTriG) {
      writeProvenanceByArticle();
    } else {
      for (VertexId v = 0; v < g_.entityCount(); ++v) {
        if (!isLive(v)) continue;
        const graph::EntityNode& e = g_.entity(v);
        for (std::uint32_t m = 0; m < e.mentions.size(); ++m) writeMention(v, m);
        if (e.event) writeEventEvidence(v);
      }
      for (EdgeId r = 0; r < g_.relationCount(); ++r) {
        if (!isLiveEdge(r)) continue;
        const auto& evidence = g_.relation(r).evidence;
        for (std::uint32_t i = 0; i < evidence.size(); ++i) writeStatement(r, i);
      }
    }
  }

 private:
  // Retracted events are not part of the graph any more (their vertex stays for stable ids).
  bool isLive(VertexId v) const {
    const graph::EntityNode& e = g_.entity(v);
    return !(e.event && e.event->retracted);
  }
  bool isLiveEdge(EdgeId r) const {
    const graph::RelationEdge& edge = g_.relation(r);
    return !edge.evidence.empty() && isLive(edge.subject) && isLive(edge.object);
  }

  void writePrefixes() {
    const std::string& base = options_.base;
    w_.prefix("rdf", rdf::kRdf);
    w_.prefix("rdfs", rdf::kRdfs);
    w_.prefix("owl", rdf::kOwl);
    w_.prefix("xsd", rdf::kXsd);
    w_.prefix("skos", rdf::kSkos);
    w_.prefix("schema", rdf::kSchema);
    w_.prefix("prov", rdf::kProv);
    w_.prefix("wgs", rdf::kWgs);
    w_.prefix("geo", rdf::kGeo);
    w_.prefix("wd", rdf::kWikidata);
    w_.prefix("ng", base + std::string(rdf::kOntologyPath));
    w_.prefix("ent", base + std::string(rdf::kEntityPath));
    w_.prefix("art", base + std::string(rdf::kArticlePath));
    w_.prefix("stmt", base + std::string(rdf::kStatementPath));
    w_.prefix("mention", base + std::string(rdf::kMentionPath));
    w_.prefix("geom", base + std::string(rdf::kGeometryPath));
  }

  // ---------------------------------------------------------------- articles
  void writeArticles() {
    const rdf::Terms& t = terms_;
    for (ArticleId a = 0; a < g_.articleCount(); ++a) {
      const graph::ArticleRecord& article = g_.article(a);
      if (article.removed) continue;
      articleCurie(article.doc, s_);
      SerdNode s = rdf::curieNode(s_);
      w_.write(s, t.type, rdf::curieNode("schema:NewsArticle"));
      w_.writeLiteral(s, t.identifier, article.doc);
      if (!article.title.empty()) w_.writeLiteral(s, t.headline, article.title, nullptr, &t.fr);
      if (article.date) writeDate(s, t.datePublished, *article.date);
      if (!article.url.empty()) {
        if (rdf::hasScheme(article.url)) {
          o_.clear();
          rdf::appendIriText(article.url, o_);
          w_.write(s, t.url, rdf::uriNode(o_));
        } else {
          w_.writeLiteral(s, t.url, article.url, &t.anyUri);
        }
      }
      if (article.contentHash != 0) {
        literal_ = rdf::hex64(article.contentHash);
        w_.writeLiteral(s, t.contentHash, literal_);
      }
    }
  }

  // ---------------------------------------------------------------- entities and events
  void writeEntity(VertexId v) {
    const rdf::Terms& t = terms_;
    const graph::EntityNode& e = g_.entity(v);
    entityCurie(e.id, s_);
    SerdNode s = rdf::curieNode(s_);
    if (!e.cls.empty()) {
      o_ = "ng:" + rdf::encoded(e.cls);
      w_.write(s, t.type, rdf::curieNode(o_));
    }
    if (!e.label.empty()) {
      w_.writeLiteral(s, t.label, e.label, nullptr, &t.fr);
      w_.writeLiteral(s, t.prefLabel, e.label, nullptr, &t.fr);
    }
    if (!e.labelEn.empty()) {
      w_.writeLiteral(s, t.label, e.labelEn, nullptr, &t.en);
      w_.writeLiteral(s, t.prefLabel, e.labelEn, nullptr, &t.en);
    }
    for (const std::string& alias : e.aliases) {
      w_.writeLiteral(s, t.altLabel, alias, nullptr, &t.fr);
    }
    if (!e.wikidata.empty()) {
      o_ = "wd:" + rdf::encoded(e.wikidata);
      w_.write(s, t.sameAs, rdf::curieNode(o_));
    }
    bool located = e.lat && e.lon && std::isfinite(*e.lat) && std::isfinite(*e.lon);
    if (located) {
      literal_ = decimalText(*e.lat);
      w_.writeLiteral(s, t.lat, literal_, &t.decimal);
      literal_ = decimalText(*e.lon);
      w_.writeLiteral(s, t.lon, literal_, &t.decimal);
      geometryCurie(e.id, o_);
      w_.write(s, t.hasGeometry, rdf::curieNode(o_));
    }
    if (e.event) writeEventDetails(s, *e.event);
    // Direct triples, under the same subject.
    for (EdgeId r : g_.outEdges(v)) {
      if (!isLiveEdge(r)) continue;
      const graph::RelationEdge& edge = g_.relation(r);
      if (!isTruthy(edge)) continue;
      entityCurie(g_.entity(edge.object).id, o_);
      SerdNode p = rdf::curieNode(property(edge.type));
      w_.write(s, p, rdf::curieNode(o_));
    }
    if (located) {
      geometryCurie(e.id, s_);
      SerdNode geometry = rdf::curieNode(s_);
      w_.write(geometry, t.type, rdf::curieNode("geo:Geometry"));
      literal_ = "POINT(" + decimalText(*e.lon) + " " + decimalText(*e.lat) + ")";
      w_.writeLiteral(geometry, t.asWkt, literal_, &t.wktLiteral);
    }
  }

  void writeEventDetails(const SerdNode& s, const graph::EventDetails& event) {
    const rdf::Terms& t = terms_;
    auto type = eventTypes_.find(event.type + '\n' + event.subType);
    if (type != eventTypes_.end()) w_.write(s, t.eventType, rdf::curieNode(type->second));
    if (!event.type.empty()) w_.writeLiteral(s, t.acledEventType, event.type);
    if (!event.subType.empty()) w_.writeLiteral(s, t.acledSubEventType, event.subType);
    if (event.date) writeDate(s, t.date, *event.date);
    if (event.fatalities) {
      literal_ = std::to_string(*event.fatalities);
      w_.writeLiteral(s, t.fatalities, literal_, &t.integer);
    }
  }

  // ---------------------------------------------------------------- provenance
  void writeMention(VertexId v, std::uint32_t index) {
    const rdf::Terms& t = terms_;
    const graph::EntityNode& e = g_.entity(v);
    const graph::MentionRef& m = e.mentions[index];
    const graph::ArticleRecord& article = g_.article(m.article);
    if (article.removed) return;
    enterArticleGraph(article.doc);
    rdf::Fnv1a hash;
    hash.add(e.id);
    hash.add(article.doc);
    hash.add(std::uint64_t{m.begin});
    hash.add(std::uint64_t{m.end});
    s_ = "mention:" + hash.hex();
    SerdNode s = rdf::curieNode(s_);
    w_.write(s, t.type, rdf::curieNode("ng:Mention"));
    entityCurie(e.id, o_);
    w_.write(s, t.mentionOf, rdf::curieNode(o_));
    articleCurie(article.doc, o_);
    w_.write(s, t.derivedFrom, rdf::curieNode(o_));
    writeInteger(s, t.sentence, m.sentence);
    writeInteger(s, t.start, m.begin);
    writeInteger(s, t.end, m.end);
  }

  void writeEventEvidence(VertexId v) {
    const rdf::Terms& t = terms_;
    const graph::EntityNode& e = g_.entity(v);
    const graph::Evidence& ev = e.event->evidence;
    if (!enterEvidenceGraph(ev)) return;
    rdf::Fnv1a hash;
    hash.add(e.id);
    hash.add("evidence");
    hash.add(ev.article ? g_.article(*ev.article).doc : std::string());
    hash.add(std::uint64_t{ev.begin});
    hash.add(std::uint64_t{ev.end});
    std::string node = "stmt:" + hash.hex();
    entityCurie(e.id, s_);
    w_.write(rdf::curieNode(s_), t.evidence, rdf::curieNode(node));
    SerdNode s = rdf::curieNode(node);
    w_.write(s, t.type, rdf::curieNode("ng:Evidence"));
    writeQualifiers(s, ev);
  }

  void writeStatement(EdgeId r, std::uint32_t index) {
    const rdf::Terms& t = terms_;
    const graph::RelationEdge& edge = g_.relation(r);
    const graph::Evidence& ev = edge.evidence[index];
    if (!enterEvidenceGraph(ev)) return;
    const std::string& subject = g_.entity(edge.subject).id;
    const std::string& object = g_.entity(edge.object).id;
    rdf::Fnv1a hash;
    hash.add(subject);
    hash.add(edge.type);
    hash.add(object);
    hash.add(ev.article ? g_.article(*ev.article).doc : std::string());
    hash.add(std::uint64_t{ev.begin});
    hash.add(std::uint64_t{ev.end});
    std::string node = "stmt:" + hash.hex();
    SerdNode s = rdf::curieNode(node);
    w_.write(s, t.type, rdf::curieNode("ng:Statement"));
    entityCurie(subject, o_);
    w_.write(s, t.subject, rdf::curieNode(o_));
    w_.write(s, t.predicate, rdf::curieNode(property(edge.type)));
    entityCurie(object, o_);
    w_.write(s, t.object, rdf::curieNode(o_));
    writeQualifiers(s, ev);
  }

  // Status, speaker, date, place, confidence, and where the evidence comes from.
  void writeQualifiers(const SerdNode& s, const graph::Evidence& ev) {
    const rdf::Terms& t = terms_;
    static const char* const kStatus[] = {"ng:Asserted", "ng:Negated", "ng:Claimed",
                                          "ng:Hypothetical"};
    w_.write(s, t.status, rdf::curieNode(kStatus[static_cast<int>(ev.status)]));
    if (!ev.source.empty()) {
      entityCurie(ev.source, o_);
      w_.write(s, t.statedBy, rdf::curieNode(o_));
    }
    if (ev.date) writeDate(s, t.date, *ev.date);
    if (!ev.place.empty()) {
      entityCurie(ev.place, o_);
      w_.write(s, t.place, rdf::curieNode(o_));
    }
    if (std::isfinite(ev.confidence)) {
      literal_ = decimalText(ev.confidence);
      w_.writeLiteral(s, t.confidence, literal_, &t.decimal);
    }
    if (ev.article) {
      articleCurie(g_.article(*ev.article).doc, o_);
      w_.write(s, t.derivedFrom, rdf::curieNode(o_));
      if (!ev.quote.empty()) w_.writeLiteral(s, t.quote, ev.quote, nullptr, &t.fr);
      writeInteger(s, t.sentence, ev.sentence);
      writeInteger(s, t.start, ev.begin);
      writeInteger(s, t.end, ev.end);
    } else {
      w_.write(s, t.derivedFrom, rdf::uriNode(ontologyIri_));
    }
  }

  // TriG: article-less items in the default graph, then one graph block per article, using an
  // index of the items sorted by article (a counting sort: 8 bytes per item).
  void writeProvenanceByArticle() {
    std::vector<std::uint32_t> start(g_.articleCount() + 1, 0);
    auto forEachItem = [&](auto&& visit) {
      for (VertexId v = 0; v < g_.entityCount(); ++v) {
        if (!isLive(v)) continue;
        const graph::EntityNode& e = g_.entity(v);
        for (std::uint32_t m = 0; m < e.mentions.size(); ++m) {
          visit(std::optional<ArticleId>(e.mentions[m].article), ItemKind::kMention, v, m);
        }
        if (e.event) visit(e.event->evidence.article, ItemKind::kEventEvidence, v, 0U);
      }
      for (EdgeId r = 0; r < g_.relationCount(); ++r) {
        if (!isLiveEdge(r)) continue;
        const auto& evidence = g_.relation(r).evidence;
        for (std::uint32_t i = 0; i < evidence.size(); ++i) {
          visit(evidence[i].article, ItemKind::kStatement, r, i);
        }
      }
    };
    forEachItem([&](std::optional<ArticleId> article, ItemKind kind, std::uint32_t id,
                    std::uint32_t index) {
      if (article) {
        ++start[*article + 1];
      } else {
        writeItem(kind, id, index);  // background facts: default graph
      }
    });
    for (std::size_t a = 1; a < start.size(); ++a) start[a] += start[a - 1];
    std::vector<std::uint64_t> items(start.back());
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    forEachItem([&](std::optional<ArticleId> article, ItemKind kind, std::uint32_t id,
                    std::uint32_t index) {
      if (article) items[next[*article]++] = packItem(kind, id, index);
    });
    for (std::uint64_t item : items) {
      auto kind = static_cast<ItemKind>(item >> 62);
      auto id = static_cast<std::uint32_t>((item >> 30) & 0xFFFFFFFFULL);
      auto index = static_cast<std::uint32_t>(item & ((1U << 30) - 1));
      writeItem(kind, id, index);
    }
  }

  void writeItem(ItemKind kind, std::uint32_t id, std::uint32_t index) {
    switch (kind) {
      case ItemKind::kStatement:
        writeStatement(id, index);
        break;
      case ItemKind::kMention:
        writeMention(id, index);
        break;
      case ItemKind::kEventEvidence:
        writeEventEvidence(id);
        break;
    }
  }

  // Selects the graph of an evidence item: its article's, or the default graph for background
  // facts. False when the article was removed (nothing to write).
  bool enterEvidenceGraph(const graph::Evidence& ev) {
    if (!ev.article) {
      enterDefaultGraph();
      return true;
    }
    const graph::ArticleRecord& article = g_.article(*ev.article);
    if (article.removed) return false;
    enterArticleGraph(article.doc);
    return true;
  }
  void enterArticleGraph(const std::string& doc) {
    graphScratch_.clear();
    articleCurie(doc, graphScratch_);
    if (graphScratch_ != currentGraph_) {
      currentGraph_ = graphScratch_;
      w_.setGraph(currentGraph_);
    }
  }
  void enterDefaultGraph() {
    if (!currentGraph_.empty()) {
      currentGraph_.clear();
      w_.setGraph(currentGraph_);
    }
  }

  // ---------------------------------------------------------------- small writers
  void writeDate(const SerdNode& s, const SerdNode& p, const common::PartialDate& date) {
    const rdf::Terms& t = terms_;
    literal_ = date.toString();
    const SerdNode* type = &t.gYear;
    if (date.precision == common::DatePrecision::kMonth) type = &t.gYearMonth;
    if (date.precision == common::DatePrecision::kDay) type = &t.xsdDate;
    w_.writeLiteral(s, p, literal_, type);
  }
  void writeInteger(const SerdNode& s, const SerdNode& p, std::uint64_t value) {
    literal_ = std::to_string(value);
    w_.writeLiteral(s, p, literal_, &terms_.integer);
  }

  const std::string& property(const std::string& type) {
    auto found = properties_.find(type);
    if (found == properties_.end()) {
      found = properties_.emplace(type, "ng:" + rdf::encoded(rdf::camelCase(type))).first;
    }
    return found->second;
  }
  static void entityCurie(const std::string& id, std::string& out) {
    out.assign("ent:");
    rdf::appendEncodedSegment(id, out);
  }
  static void articleCurie(const std::string& doc, std::string& out) {
    out.assign("art:");
    rdf::appendEncodedSegment(doc, out);
  }
  static void geometryCurie(const std::string& id, std::string& out) {
    out.assign("geom:");
    rdf::appendEncodedSegment(id, out);
  }

  const graph::KnowledgeGraph& g_;
  const ontology::Ontology& ontology_;
  const RdfExportOptions& options_;
  rdf::StatementWriter& w_;
  rdf::Terms terms_;
  std::unordered_map<std::string, std::string> properties_;  // ATTACKS -> ng:attacks
  std::unordered_map<std::string, std::string> eventTypes_;  // type \n sub-type -> ng:Attack
  std::string ontologyIri_;
  std::string s_, o_, literal_;              // subject, object and literal text of a statement
  std::string currentGraph_, graphScratch_;  // named graph, "" for the default graph
};

}  // namespace

std::optional<RdfSyntax> parseRdfSyntax(std::string_view name) {
  if (name == "turtle") return RdfSyntax::kTurtle;
  if (name == "ntriples") return RdfSyntax::kNTriples;
  if (name == "nquads") return RdfSyntax::kNQuads;
  if (name == "trig") return RdfSyntax::kTriG;
  return std::nullopt;
}

std::optional<RdfSyntax> rdfSyntaxOfPath(std::string_view path) {
  auto endsWith = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (endsWith(".ttl") || endsWith(".turtle")) return RdfSyntax::kTurtle;
  if (endsWith(".nt")) return RdfSyntax::kNTriples;
  if (endsWith(".nq")) return RdfSyntax::kNQuads;
  if (endsWith(".trig")) return RdfSyntax::kTriG;
  return std::nullopt;
}

common::Status checkBaseIri(std::string_view base) {
  auto fail = [&](const std::string& why) {
    return common::Error{std::string(base), 0, 0, "export", "bad base IRI: " + why};
  };
  if (!rdf::hasScheme(base)) return fail("it has no scheme (http:, https:, urn:...)");
  if (common::findInvalidUtf8(base)) return fail("it is not valid UTF-8");
  for (char c : base) {
    auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F || std::string_view("<>\"{}|\\^`").find(c) != std::string_view::npos)
      return fail(std::string("it holds a character IRIs forbid (byte ") + std::to_string(b) + ")");
  }
  if (base.back() != '/' && base.back() != '#') return fail("it must end with '/' or '#'");
  return common::okStatus();
}

common::Result<RdfExportSummary> writeRdf(const graph::KnowledgeGraph& graph,
                                          const ontology::Ontology& ontology, std::FILE* out,
                                          const RdfExportOptions& options) {
  if (auto checked = checkBaseIri(options.base); !checked) return checked.error();
  rdf::StatementWriter writer(options.syntax, out);
  RdfExporter(graph, ontology, options, writer).run();
  if (!writer.finish()) return common::Error{"", 0, 0, "export", "write failed"};
  return RdfExportSummary{writer.statements(), writer.repairedLiterals()};
}

}  // namespace newsgraph::exporter
