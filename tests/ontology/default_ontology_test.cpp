// Checks on the default Sahel ontology shipped in ontology/data.
#include <gtest/gtest.h>

#include "newsgraph/common/text.h"
#include "newsgraph/ontology/ontology_loader.h"

namespace newsgraph::ontology {
namespace {

const Ontology& defaults() {
  static const Ontology kOntology = [] {
    auto loaded = loadOntology(defaultOntologySources());
    if (!loaded) throw std::runtime_error(loaded.error().toString());
    return std::move(loaded).value();
  }();
  return kOntology;
}

TEST(DefaultOntology, HasTheClassesAndRelationTypesOfTheSpec) {
  for (const char* cls :
       {"Actor", "Country", "ArmedForces", "MilitaryOperation", "PrivateMilitaryCompany",
        "ArmedGroup", "JihadistGroup", "RebelGroup", "Militia", "InternationalOrganization",
        "PeacekeepingMission", "Organization", "Person", "Place", "Region", "Town", "Event"}) {
    EXPECT_NE(defaults().findClass(cls), nullptr) << cls;
  }
  std::size_t symmetric = 0;
  for (const char* type :
       {"ATTACKS",         "FIGHTS",   "SUPPORTS",       "ALLIED_WITH", "COOPERATES_WITH",
        "CRITICIZES",      "REJECTS",  "SANCTIONS",      "EXPELS",      "DETAINS",
        "CAPTURES",        "CONTROLS", "WITHDRAWS_FROM", "DEPLOYS_TO",  "OPERATES_IN",
        "AFFILIATED_WITH", "PART_OF",  "MEMBER_OF",      "LEADS",       "LOCATED_IN"}) {
    const RelationType* t = defaults().findRelationType(type);
    ASSERT_NE(t, nullptr) << type;
    EXPECT_FALSE(t->cues.empty()) << type;
    symmetric += t->symmetric;
  }
  EXPECT_EQ(symmetric, 3u);  // FIGHTS, ALLIED_WITH, COOPERATES_WITH
  std::size_t roles = 0;
  for (const RelationType& type : defaults().relationTypes()) roles += type.eventRole;
  EXPECT_EQ(defaults().relationTypes().size(), 23u);
  EXPECT_EQ(roles, 3u);  // ACTOR1, ACTOR2, OCCURRED_IN
  EXPECT_TRUE(defaults().findRelationType("OCCURRED_IN")->eventRole);
  EXPECT_FALSE(defaults().findRelationType("ATTACKS")->eventRole);
}

TEST(DefaultOntology, KnowsTheMinimumGazetteerOfTheSpec) {
  const std::vector<std::pair<const char*, const char*>> expected = {
      {"mali", "Country"},
      {"france", "Country"},
      {"russie", "Country"},
      {"etats-unis", "Country"},
      {"niger", "Country"},
      {"burkina-faso", "Country"},
      {"algerie", "Country"},
      {"tchad", "Country"},
      {"mauritanie", "Country"},
      {"senegal", "Country"},
      {"cote-d-ivoire", "Country"},
      {"benin", "Country"},
      {"allemagne", "Country"},
      {"suede", "Country"},
      {"egypte", "Country"},
      {"royaume-uni", "Country"},
      {"ukraine", "Country"},
      {"fama", "ArmedForces"},
      {"barkhane", "MilitaryOperation"},
      {"serval", "MilitaryOperation"},
      {"takuba", "MilitaryOperation"},
      {"wagner", "PrivateMilitaryCompany"},
      {"africa-corps", "PrivateMilitaryCompany"},
      {"jnim", "JihadistGroup"},
      {"etat-islamique", "JihadistGroup"},
      {"etat-islamique-au-sahel", "JihadistGroup"},
      {"al-qaida", "JihadistGroup"},
      {"aqmi", "JihadistGroup"},
      {"ansar-dine", "JihadistGroup"},
      {"katiba-macina", "JihadistGroup"},
      {"mujao", "JihadistGroup"},
      {"csp", "RebelGroup"},
      {"cma", "RebelGroup"},
      {"mnla", "RebelGroup"},
      {"onu", "InternationalOrganization"},
      {"conseil-de-securite", "InternationalOrganization"},
      {"minusma", "PeacekeepingMission"},
      {"union-europeenne", "InternationalOrganization"},
      {"cedeao", "InternationalOrganization"},
      {"aes", "InternationalOrganization"},
      {"assimi-goita", "Person"},
      {"choguel-maiga", "Person"},
      {"vladimir-poutine", "Person"},
      {"emmanuel-macron", "Person"},
      {"iyad-ag-ghaly", "Person"},
      {"amadou-koufa", "Person"},
      {"evgueni-prigojine", "Person"},
      {"bamako", "Town"},
      {"gao", "Town"},
      {"kidal", "Town"},
      {"tombouctou", "Town"},
      {"menaka", "Town"},
      {"mopti", "Town"},
      {"segou", "Town"},
      {"sikasso", "Town"},
      {"kayes", "Town"},
      {"anefis", "Town"},
      {"tessalit", "Town"},
      {"aguelhok", "Town"},
      {"tessit", "Town"},
      {"ber", "Town"},
      {"konna", "Town"},
      {"moura", "Town"},
      {"boulkessi", "Town"},
      {"tinzaouaten", "Town"},
      {"douentza", "Town"},
      {"sahel", "Region"},
      {"azawad", "Region"},
      {"liptako-gourma", "Region"}};
  for (const auto& [id, cls] : expected) {
    const EntityRecord* e = defaults().findEntity(id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->cls, cls) << id;
    EXPECT_FALSE(e->labelEn.empty()) << id << " has no English label";
  }
  EXPECT_GE(defaults().entities().size(), 200u);
}

TEST(DefaultOntology, EveryPlaceHasCoordinatesAndEveryIdIsASlug) {
  for (const EntityRecord& e : defaults().entities()) {
    EXPECT_EQ(e.id, common::slugify(e.labelFr)) << e.id;
    if (defaults().isSubclassOf(e.cls, "Place")) {
      ASSERT_TRUE(e.lat && e.lon) << e.id << " has no coordinates";
      EXPECT_TRUE(*e.lat >= -90 && *e.lat <= 90 && *e.lon >= -180 && *e.lon <= 180) << e.id;
    }
    if (e.cls == "Country") {
      EXPECT_FALSE(e.demonyms.empty()) << e.id << " has no demonym";
    }
  }
  // Spot checks: the Sahel lies north of the equator, Mali's towns around the Greenwich meridian.
  EXPECT_NEAR(*defaults().findEntity("kidal")->lat, 18.44, 0.2);
  EXPECT_NEAR(*defaults().findEntity("gao")->lon, -0.04, 0.2);
  EXPECT_EQ(defaults().findEntity("bamako")->metonymFor, "mali");
}

TEST(DefaultOntology, HoldsTheBackgroundFactsOfTheIssue) {
  auto has = [](const char* s, const char* p, const char* o) {
    for (const BackgroundFact& f : defaults().facts()) {
      if (f.subject == s && f.predicate == p && f.object == o) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("gao", "LOCATED_IN", "mali"));
  EXPECT_TRUE(has("barkhane", "PART_OF", "france"));
  EXPECT_TRUE(has("wagner", "AFFILIATED_WITH", "russie"));
}

}  // namespace
}  // namespace newsgraph::ontology
