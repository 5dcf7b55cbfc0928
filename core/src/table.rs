//! The table view of the map's data: which jurisdictions it shows, in which order, and the
//! compact list of laws in its "Laws" column. Pure: the widget's `JurisdictionTable` renders
//! what this decides.
//!
//! - Sorting by name compares names case-insensitively and without accents, then by id, so
//!   the order never depends on the file's order.
//! - Sorting by tier follows [`Tier::ALL`] (strongest protection first, bans, then unknown
//!   last); ties are by name, A to Z, in both directions: reversing the tier sort reverses the
//!   tiers, not the alphabet inside each tier.
//! - The kind filter keeps states (DC included), counties or cities; `None` keeps all.

use std::cmp::Ordering;

use crate::date::Date;
use crate::i18n::Ui;
use crate::policy::{Confidence, Dataset, DateIs, Jurisdiction, Kind, Tier};

/// The column a table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Name,
    Tier,
}

/// What the table shows: the sort column and direction, and the kind filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TableQuery {
    pub sort: SortKey,
    /// Z to A for names; unknown first, then bans, … broad last for tiers.
    pub descending: bool,
    /// `None`: every kind.
    pub kind: Option<Kind>,
}

impl TableQuery {
    /// The query after a click on `key`'s column header (WAI-ARIA APG sortable table): the
    /// sorted column reverses; another column becomes the sorted one, ascending.
    pub fn sort_by(self, key: SortKey) -> TableQuery {
        TableQuery {
            descending: self.sort == key && !self.descending,
            sort: key,
            ..self
        }
    }

    /// The query with another kind filter, sort unchanged.
    pub fn with_kind(self, kind: Option<Kind>) -> TableQuery {
        TableQuery { kind, ..self }
    }

    /// The value of `aria-sort` for `key`'s column header: only the sorted column has one.
    pub fn aria_sort(&self, key: SortKey) -> Option<&'static str> {
        (self.sort == key).then_some(if self.descending {
            "descending"
        } else {
            "ascending"
        })
    }
}

/// A name as compared when sorting: lower case, common Latin accents removed. Only Latin
/// letters are folded (the names are American places, in English or Spanish): full Unicode
/// case mapping would put its tables in the wasm.
fn fold(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' | 'Ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The jurisdictions of `data` that `q` keeps, in `q`'s order.
pub fn rows<'a>(data: &'a Dataset, q: &TableQuery) -> Vec<&'a Jurisdiction> {
    type Keyed<'a> = (Tier, String, &'a Jurisdiction);
    let mut keyed: Vec<Keyed<'a>> = data
        .jurisdictions
        .iter()
        .filter(|j| q.kind.is_none_or(|k| j.kind == k))
        .map(|j| (j.tier(), fold(&j.name), j))
        .collect();
    let by_name = |a: &Keyed<'_>, b: &Keyed<'_>| a.1.cmp(&b.1).then_with(|| a.2.id.cmp(&b.2.id));
    keyed.sort_by(|a, b| {
        let order = match q.sort {
            SortKey::Name => by_name(a, b),
            SortKey::Tier => tier_order(a.0, b.0),
        };
        let order = if q.descending { order.reverse() } else { order };
        match q.sort {
            SortKey::Name => order,
            SortKey::Tier => order.then_with(|| by_name(a, b)),
        }
    });
    keyed.into_iter().map(|(_, _, j)| j).collect()
}

/// How many jurisdictions of this kind (`None`: all) the data holds.
pub fn count(data: &Dataset, kind: Option<Kind>) -> usize {
    data.jurisdictions
        .iter()
        .filter(|j| kind.is_none_or(|k| j.kind == k))
        .count()
}

/// One law in the table's "Laws" column. A law recorded for two dimensions is two policies in
/// the data and one entry here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LawEntry<'a> {
    pub law: &'a str,
    pub number: Option<&'a str>,
    pub date: Date,
    pub date_is: DateIs,
    /// Every policy recorded for this law rests on a secondary source.
    pub secondary: bool,
}

/// A jurisdiction's own laws, once each (same name, number and date), in the data's order.
pub fn laws(j: &Jurisdiction) -> Vec<LawEntry<'_>> {
    let mut out: Vec<LawEntry<'_>> = Vec::new();
    for p in &j.policies {
        let secondary = p.confidence == Confidence::Secondary;
        let same = |e: &&mut LawEntry<'_>| {
            e.law == p.law && e.number == p.number.as_deref() && e.date == p.date
        };
        match out.iter_mut().find(same) {
            Some(e) => e.secondary &= secondary,
            None => out.push(LawEntry {
                law: &p.law,
                number: p.number.as_deref(),
                date: p.date,
                date_is: p.date_is,
                secondary,
            }),
        }
    }
    out
}

/// A kind's name, singular ("County"), for the table's Kind column and the detail panel.
pub fn kind_label(kind: Kind, t: &Ui) -> &'static str {
    match kind {
        Kind::State => t.state,
        Kind::County => t.county,
        Kind::City => t.city,
    }
}

/// The filter's options, in order: all, then states, counties and cities (plural names).
pub fn kind_filters(t: &Ui) -> [(Option<Kind>, &'static str); 4] {
    [
        (None, t.all_kinds),
        (Some(Kind::State), t.states),
        (Some(Kind::County), t.counties),
        (Some(Kind::City), t.cities),
    ]
}

/// Orders two tiers as the table does when sorting by tier, ascending.
pub fn tier_order(a: Tier, b: Tier) -> Ordering {
    let rank = |t: Tier| Tier::ALL.iter().position(|&x| x == t);
    rank(a).cmp(&rank(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Dimension, Policy, Stance, Status};

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn policy(law: &str, dimension: Dimension, stance: Stance) -> Policy {
        Policy {
            dimension,
            stance,
            law: law.into(),
            number: Some(format!("{law} 1")),
            date: date("2017-10-05"),
            date_is: DateIs::Signed,
            summary: "One line.".into(),
            summary_es: None,
            sources: vec!["s".into()],
            confidence: Confidence::Vetted,
            events: vec![],
        }
    }

    fn place(id: &str, kind: Kind, name: &str, policies: Vec<Policy>) -> Jurisdiction {
        Jurisdiction {
            id: id.into(),
            kind,
            name: name.into(),
            name_es: None,
            state: None,
            lon: None,
            lat: None,
            at: None,
            status: if policies.is_empty() {
                Status::Unknown
            } else {
                Status::Reviewed
            },
            status_sources: vec![],
            policies,
            designations: vec![],
            notes: vec![],
        }
    }

    /// Broad: 06 California, 36 New York; limited: 08 Colorado, la city; bans: 48 Texas;
    /// unknown: 01 Alabama, 56 Wyoming, the county and the other city.
    fn data() -> Dataset {
        use Dimension::*;
        use Stance::*;
        let limit = |law: &str, d| policy(law, d, LimitsCooperation);
        Dataset {
            as_of: date("2025-08-05"),
            jurisdictions: vec![
                place("56", Kind::State, "Wyoming", vec![]),
                place(
                    "06",
                    Kind::State,
                    "California",
                    vec![limit("SB", EnforcementAssistance)],
                ),
                place("01", Kind::State, "Alabama", vec![]),
                place(
                    "48",
                    Kind::State,
                    "Texas",
                    vec![policy("Ban", StatePreemption, RequiresCooperation)],
                ),
                place(
                    "08",
                    Kind::State,
                    "Colorado",
                    vec![limit("HB", CivilDetainers)],
                ),
                place(
                    "36",
                    Kind::State,
                    "New York",
                    vec![
                        limit("A", CivilDetainers),
                        limit("B", InformationSharing),
                        limit("C", CourthouseArrests),
                    ],
                ),
                place("06037", Kind::County, "los Angeles County", vec![]),
                place(
                    "los-angeles-ca",
                    Kind::City,
                    "Los Angeles",
                    vec![limit("Ord", StatusInquiries)],
                ),
                place("álamo-ca", Kind::City, "Álamo", vec![]),
            ],
            sources: vec![],
            outline: false,
        }
    }

    fn ids(data: &Dataset, q: TableQuery) -> Vec<&str> {
        rows(data, &q).iter().map(|j| j.id.as_str()).collect()
    }

    #[test]
    fn sorts_by_name_ignoring_case_and_accents() {
        let d = data();
        let asc = ids(&d, TableQuery::default());
        assert_eq!(
            asc,
            [
                "01",
                "álamo-ca",
                "06",
                "08",
                "los-angeles-ca",
                "06037",
                "36",
                "48",
                "56"
            ]
        );
        let q = TableQuery::default().sort_by(SortKey::Name);
        assert!(
            q.descending,
            "a second click on the sorted column reverses it"
        );
        let mut desc = ids(&d, q);
        desc.reverse();
        assert_eq!(desc, asc);
    }

    #[test]
    fn equal_names_are_ordered_by_id() {
        let mut d = data();
        d.jurisdictions
            .push(place("portland-me", Kind::City, "Portland", vec![]));
        d.jurisdictions
            .push(place("portland-or", Kind::City, "Portland", vec![]));
        d.jurisdictions.swap(0, 9);
        let got = ids(&d, TableQuery::default());
        let at = got.iter().position(|&id| id == "portland-me").unwrap();
        assert_eq!(got[at + 1], "portland-or");
    }

    #[test]
    fn sorts_by_tier_with_names_breaking_ties() {
        let d = data();
        let q = TableQuery::default().sort_by(SortKey::Tier);
        assert_eq!((q.sort, q.descending), (SortKey::Tier, false));
        assert_eq!(
            ids(&d, q),
            [
                "06",
                "36",
                "08",
                "los-angeles-ca",
                "48",
                "01",
                "álamo-ca",
                "06037",
                "56"
            ]
        );
        let desc = q.sort_by(SortKey::Tier);
        assert!(desc.descending);
        assert_eq!(
            ids(&d, desc),
            [
                "01",
                "álamo-ca",
                "06037",
                "56",
                "48",
                "08",
                "los-angeles-ca",
                "06",
                "36"
            ],
            "tiers reverse; names inside a tier stay A to Z"
        );
    }

    #[test]
    fn tier_order_is_the_legend_order() {
        for pair in Tier::ALL.windows(2) {
            assert_eq!(tier_order(pair[0], pair[1]), Ordering::Less);
        }
        assert_eq!(tier_order(Tier::Bans, Tier::Bans), Ordering::Equal);
    }

    #[test]
    fn switching_columns_sorts_ascending() {
        let q = TableQuery::default()
            .sort_by(SortKey::Name)
            .sort_by(SortKey::Tier);
        assert_eq!((q.sort, q.descending), (SortKey::Tier, false));
        let q = q.sort_by(SortKey::Tier).sort_by(SortKey::Name);
        assert_eq!((q.sort, q.descending), (SortKey::Name, false));
    }

    #[test]
    fn only_the_sorted_column_has_aria_sort() {
        let q = TableQuery::default();
        assert_eq!(q.aria_sort(SortKey::Name), Some("ascending"));
        assert_eq!(q.aria_sort(SortKey::Tier), None);
        let q = q.sort_by(SortKey::Name);
        assert_eq!(q.aria_sort(SortKey::Name), Some("descending"));
        let q = q.sort_by(SortKey::Tier);
        assert_eq!(q.aria_sort(SortKey::Name), None);
        assert_eq!(q.aria_sort(SortKey::Tier), Some("ascending"));
    }

    #[test]
    fn filters_by_kind_and_keeps_the_sort() {
        let d = data();
        let q = TableQuery::default().with_kind(Some(Kind::City));
        assert_eq!(ids(&d, q), ["álamo-ca", "los-angeles-ca"]);
        let q = q.sort_by(SortKey::Tier);
        assert_eq!(q.kind, Some(Kind::City), "sorting keeps the filter");
        assert_eq!(ids(&d, q), ["los-angeles-ca", "álamo-ca"]);
        assert_eq!(ids(&d, q.with_kind(Some(Kind::County))), ["06037"]);
        assert_eq!(ids(&d, q.with_kind(None)).len(), 9);
        let states = ids(&d, TableQuery::default().with_kind(Some(Kind::State)));
        assert_eq!(states, ["01", "06", "08", "36", "48", "56"]);
    }

    #[test]
    fn counts_by_kind() {
        let d = data();
        assert_eq!(count(&d, None), 9);
        assert_eq!(count(&d, Some(Kind::State)), 6);
        assert_eq!(count(&d, Some(Kind::County)), 1);
        assert_eq!(count(&d, Some(Kind::City)), 2);
        for kind in [
            None,
            Some(Kind::State),
            Some(Kind::County),
            Some(Kind::City),
        ] {
            let q = TableQuery::default().with_kind(kind);
            assert_eq!(rows(&d, &q).len(), count(&d, kind));
        }
    }

    #[test]
    fn lists_each_law_once() {
        use Dimension::*;
        let mut a = policy("Act", CivilDetainers, Stance::LimitsCooperation);
        let mut b = a.clone();
        b.dimension = InformationSharing;
        b.confidence = Confidence::Secondary;
        let mut c = policy("Order", StatusInquiries, Stance::LimitsCooperation);
        c.number = None;
        c.date = date("1979");
        c.date_is = DateIs::Issued;
        c.confidence = Confidence::Secondary;
        let j = place("06", Kind::State, "California", vec![a.clone(), b, c]);
        let got = laws(&j);
        assert_eq!(
            got,
            [
                LawEntry {
                    law: "Act",
                    number: Some("Act 1"),
                    date: date("2017-10-05"),
                    date_is: DateIs::Signed,
                    secondary: false,
                },
                LawEntry {
                    law: "Order",
                    number: None,
                    date: date("1979"),
                    date_is: DateIs::Issued,
                    secondary: true,
                },
            ],
            "one vetted record is enough to drop the secondary flag"
        );
        a.date = date("2019");
        let j = place("06", Kind::State, "California", vec![a.clone(), a]);
        assert_eq!(laws(&j).len(), 1);
        assert!(laws(&place("01", Kind::State, "Alabama", vec![])).is_empty());
    }

    #[cfg(feature = "build")]
    #[test]
    fn the_real_data_has_every_state_and_sorts_broad_first() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/jurisdictions.toml");
        let text = std::fs::read_to_string(file).unwrap();
        let d = crate::toml_file::load::<Dataset>(file, &text, Dataset::validate).unwrap();
        assert_eq!(count(&d, Some(Kind::State)), 51);
        let by_tier = rows(&d, &TableQuery::default().sort_by(SortKey::Tier));
        assert_eq!(by_tier.len(), d.jurisdictions.len());
        assert_eq!(by_tier.first().unwrap().tier(), Tier::Broad);
        assert_eq!(by_tier.last().unwrap().tier(), Tier::Unknown);
    }
}
