//! The map's panels as markup, written when content is packed: each jurisdiction's laws (with
//! their timelines and sources), the lists and facts about it, and the table of every
//! jurisdiction, in one language.
//!
//! The widget shows none of this before a reader opens a place or the table, so it does not
//! carry the code that writes it: `build.rs` writes [`Panels`] for our data in each language
//! (`cargo xtask dist` copies them as `content-<hash>/panels.<lang>.bin`), and the validator wasm
//! writes them for a newsroom's own data file. The widget inserts the markup as it is (every
//! value in it escaped by [`Markup`]), sorts and filters the table's rows by the ranks written
//! on them, and never decodes the full data.

use serde::{Deserialize, Serialize};

use crate::content::Source;
use crate::i18n::{ui, Lang, Ui};
use crate::markup::Markup;
use crate::parts::{write_sources, write_tier_badge, write_time};
use crate::policy::{Confidence, Dataset, Designation, Jurisdiction, Kind, Note, Policy, Status};
use crate::table::{count, kind_filters, kind_label, laws, rows, SortKey, TableQuery};

/// The panels of one data file in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Panels {
    pub lang: Lang,
    /// Every jurisdiction's id, in the data's order; `laws` and `extra` follow the same order.
    pub ids: Vec<String>,
    /// A jurisdiction's own layer of law ([`write_laws`]): its laws, or that none were found,
    /// or that it was not reviewed.
    pub laws: Vec<String>,
    /// A state's layer of law as its counties' and cities' panels show it, under the state's
    /// name and tier ([`write_state_layer`]); empty for the others.
    pub as_state: Vec<String>,
    /// Its sections of lists that name it and of other facts ([`write_extra`]); often empty.
    pub extra: Vec<String>,
    /// The table ([`write_table`]): every jurisdiction, sorted by name.
    pub table: String,
    /// The rules for all of the above (`styles/laws.css`, minified), which the widget adds to
    /// its stylesheet when the panels arrive: the first view's wasm does not carry them.
    pub css: String,
}

impl Panels {
    fn at(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|i| i == id)
    }

    /// The layer of law of the jurisdiction `id` (`None`: not in the data).
    pub fn laws_of(&self, id: &str) -> Option<&str> {
        self.at(id)
            .and_then(|i| self.laws.get(i))
            .map(String::as_str)
    }

    /// The layer of law of the state `id` as its counties' and cities' panels show it.
    pub fn state_layer_of(&self, id: &str) -> Option<&str> {
        self.at(id)
            .and_then(|i| self.as_state.get(i))
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// The lists and facts about the jurisdiction `id` (empty when it has none).
    pub fn extra_of(&self, id: &str) -> &str {
        self.at(id)
            .and_then(|i| self.extra.get(i))
            .map_or("", String::as_str)
    }
}

/// The panels of `data` (the full data, validated) in `lang`, with their stylesheet `css`.
pub fn write(data: &Dataset, lang: Lang, css: &str) -> Panels {
    let t = ui(lang);
    Panels {
        lang,
        ids: data.jurisdictions.iter().map(|j| j.id.clone()).collect(),
        laws: data
            .jurisdictions
            .iter()
            .map(|j| write_laws(data, j, lang, t))
            .collect(),
        as_state: data
            .jurisdictions
            .iter()
            .map(|j| match j.kind {
                Kind::State => write_state_layer(data, j, lang, t),
                _ => String::new(),
            })
            .collect(),
        extra: data
            .jurisdictions
            .iter()
            .map(|j| write_extra(data, j, lang, t))
            .collect(),
        table: write_table(data, lang),
        css: css.to_owned(),
    }
}

/// The sources with these ids, once each, in order; unknown ids (refused by validation) are
/// skipped.
fn sources<'a>(data: &'a Dataset, ids: impl IntoIterator<Item = &'a String>) -> Vec<&'a Source> {
    let mut seen: Vec<&str> = Vec::new();
    ids.into_iter()
        .filter(|id| {
            let new = !seen.contains(&id.as_str());
            if new {
                seen.push(id);
            }
            new
        })
        .filter_map(|id| data.source(id))
        .collect()
}

/// Content from the data set is written in English: mark it so when the interface is not.
fn data_lang(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => &[],
        _ => &[("lang", "en")],
    }
}

fn write_flag(m: &mut Markup, t: &Ui) {
    m.element("span", &[("class", "se-flag")], t.secondary);
}

/// "Not reviewed": the layer of a jurisdiction nobody has looked at (the widget writes the same
/// for a county that is on the map but not in the data).
pub fn write_not_reviewed(m: &mut Markup, t: &Ui) {
    m.element("p", &[("class", "se-layer__none")], t.not_reviewed);
}

/// One law or policy: name and number, what it is about and when, a summary, its timeline and
/// its sources.
fn write_policy(m: &mut Markup, data: &Dataset, p: &Policy, lang: Lang, t: &Ui) {
    let law: &[_] = match data_lang(lang) {
        [] => &[("class", "se-policy__law")],
        _ => &[("class", "se-policy__law"), ("lang", "en")],
    };
    m.open("li", &[("class", "se-policy")])
        .open("h5", law)
        .element("span", &[("class", "se-policy__name")], &p.law);
    if let Some(number) = &p.number {
        m.text(" ")
            .element("span", &[("class", "se-policy__num")], number);
    }
    m.close("h5")
        .open("p", &[("class", "se-policy__meta")])
        .element(
            "span",
            &[("class", "se-policy__dim")],
            p.dimension.label(lang),
        )
        .open("span", &[("class", "se-policy__date")])
        .text(p.date_is.label(lang))
        .text(" ");
    write_time(m, None, &p.date, lang);
    m.close("span")
        .close("p")
        .element("p", &[("class", "se-policy__summary")], p.summary_in(lang));
    if p.confidence == Confidence::Secondary {
        m.open("p", &[("class", "se-policy__flag")]);
        write_flag(m, t);
        m.close("p");
    }
    if !p.events.is_empty() {
        m.element("p", &[("class", "se-policy__tl")], t.timeline)
            .open("ol", &[("class", "se-events")]);
        for e in &p.events {
            m.open("li", &[("class", "se-events__item")]);
            write_time(m, Some("se-events__date"), &e.date, lang);
            m.text(" ")
                .element("span", &[("class", "se-events__what")], e.what_in(lang));
            if e.confidence == Confidence::Secondary {
                m.text(" ");
                write_flag(m, t);
            }
            m.close("li");
        }
        m.close("ol");
    }
    let cited = sources(
        data,
        p.sources
            .iter()
            .chain(p.events.iter().flat_map(|e| &e.sources)),
    );
    write_sources(m, cited, lang, t.sources);
    m.close("li");
}

/// Opens a layer of law's section and writes its heading: the jurisdiction's own ("Its own
/// laws"), or its state's (`state`: "State law that applies here: California", and the
/// state's tier).
fn open_layer(m: &mut Markup, state: Option<&Jurisdiction>, lang: Lang, t: &Ui) {
    let (layer, id) = match state {
        None => ("own", "se-detail-layer-own"),
        Some(_) => ("state", "se-detail-layer-state"),
    };
    m.open(
        "section",
        &[
            ("class", "se-layer"),
            ("data-layer", layer),
            ("aria-labelledby", id),
        ],
    )
    .open("h4", &[("class", "se-layer__title"), ("id", id)]);
    match state {
        None => m.text(t.own_policies),
        Some(s) => m.text(t.state_layer).text(": ").text(s.name_in(lang)),
    };
    m.close("h4");
    if let Some(s) = state {
        write_tier_badge(m, s.tier(), lang, "p");
    }
}

/// What a layer says: the laws, or that none were found, or that it was not reviewed.
fn write_layer_body(m: &mut Markup, data: &Dataset, j: &Jurisdiction, lang: Lang, t: &Ui) {
    match j.status {
        Status::Unknown => write_not_reviewed(m, t),
        Status::NoneFound => {
            m.element("p", &[("class", "se-layer__none")], t.no_policies_recorded);
            write_sources(m, sources(data, &j.status_sources), lang, t.sources);
        }
        Status::Reviewed if j.policies.is_empty() => {
            m.element("p", &[("class", "se-layer__none")], t.no_policies_recorded);
        }
        Status::Reviewed => {
            m.open("ul", &[("class", "se-layer__policies")]);
            for p in &j.policies {
                write_policy(m, data, p, lang, t);
            }
            m.close("ul");
        }
    }
}

/// A jurisdiction's own layer of law, as its panel shows it under "Its own laws".
pub fn write_laws(data: &Dataset, j: &Jurisdiction, lang: Lang, t: &Ui) -> String {
    let mut m = Markup::new();
    open_layer(&mut m, None, lang, t);
    write_layer_body(&mut m, data, j, lang, t);
    m.close("section");
    m.into_string()
}

/// A state's layer of law, as its counties' and cities' panels show it.
pub fn write_state_layer(data: &Dataset, state: &Jurisdiction, lang: Lang, t: &Ui) -> String {
    let mut m = Markup::new();
    open_layer(&mut m, Some(state), lang, t);
    write_layer_body(&mut m, data, state, lang, t);
    m.close("section");
    m.into_string()
}

/// The own layer of a county that is on the map but not in the data: not reviewed.
pub fn write_unlisted_layer(m: &mut Markup, lang: Lang, t: &Ui) {
    open_layer(m, None, lang, t);
    write_not_reviewed(m, t);
    m.close("section");
}

/// Opens a section of one-line facts ("Named on lists", "Other facts") and its list.
fn open_facts(m: &mut Markup, id: &'static str, title: &str) {
    m.open(
        "section",
        &[("class", "se-detail__extra"), ("aria-labelledby", id)],
    )
    .element("h4", &[("class", "se-layer__title"), ("id", id)], title)
    .open("ul", &[("class", "se-detail__facts")]);
}

fn write_designations(m: &mut Markup, data: &Dataset, list: &[Designation], lang: Lang, t: &Ui) {
    open_facts(m, "se-detail-designations", t.designations);
    for d in list {
        m.open("li", &[("class", "se-fact")])
            .open("p", &[("class", "se-fact__text")])
            .open("span", &[])
            .element("span", data_lang(lang), &d.by)
            .text(": ")
            .text(d.what_in(lang))
            .close("span")
            .text(", ");
        write_time(m, None, &d.date, lang);
        m.close("p");
        write_sources(m, sources(data, &d.sources), lang, t.sources);
        m.close("li");
    }
    m.close("ul")
        .element("p", &[("class", "se-detail__aside")], t.designations_note)
        .close("section");
}

fn write_notes(m: &mut Markup, data: &Dataset, list: &[Note], lang: Lang, t: &Ui) {
    open_facts(m, "se-detail-notes", t.notes);
    for n in list {
        m.open("li", &[("class", "se-fact")]).element(
            "p",
            &[("class", "se-fact__text")],
            n.text_in(lang),
        );
        write_sources(m, sources(data, &n.sources), lang, t.sources);
        m.close("li");
    }
    m.close("ul").close("section");
}

/// The lists that name a jurisdiction and the other facts about it: a section each, when it
/// has any.
pub fn write_extra(data: &Dataset, j: &Jurisdiction, lang: Lang, t: &Ui) -> String {
    let mut m = Markup::new();
    if !j.designations.is_empty() {
        write_designations(&mut m, data, &j.designations, lang, t);
    }
    if !j.notes.is_empty() {
        write_notes(&mut m, data, &j.notes, lang, t);
    }
    m.into_string()
}

/// The `data-kind` of a table row, also the value of the filter's radio for that kind.
pub fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::State => "state",
        Kind::County => "county",
        Kind::City => "city",
    }
}

/// "State"; "County · California" and "City · California" for local governments.
fn write_kind(m: &mut Markup, j: &Jurisdiction, lang: Lang, t: &Ui) {
    m.text(kind_label(j.kind, t));
    if let (Kind::County | Kind::City, Some(state)) = (j.kind, j.state_info()) {
        m.open("span", &[("class", "se-table__state")])
            .element("span", &[("class", "se-table__dot")], " · ")
            .text(state.name_in(lang))
            .close("span");
    }
}

/// The laws column: each distinct law once, with its number and date.
fn write_law_list(m: &mut Markup, j: &Jurisdiction, lang: Lang, t: &Ui) {
    let list = laws(j);
    if list.is_empty() {
        m.element("span", &[("aria-hidden", "true")], "—").element(
            "span",
            &[("class", "se-vh")],
            t.none_recorded,
        );
        return;
    }
    let sep = [("class", "se-table__sep"), ("aria-hidden", "true")];
    m.open("ul", &[("class", "se-table__laws")]);
    for l in list {
        m.open("li", &[]);
        match lang {
            Lang::En => m.element("span", &[("class", "se-table__law")], l.law),
            _ => m.element("span", &[("class", "se-table__law"), ("lang", "en")], l.law),
        };
        if let Some(number) = l.number {
            m.element("span", &sep, " · ")
                .element("span", &[("class", "se-table__num")], number);
        }
        m.element("span", &sep, " · ");
        write_time(m, None, &l.date, lang);
        if l.secondary {
            m.text(" ")
                .element("span", &[("class", "se-flag")], t.secondary);
        }
        m.close("li");
    }
    m.close("ul");
}

/// The orders a row can take: by name, by category, by category descending (by name descending
/// is by name reversed). Each row carries its place in each as `data-o="name tier tier-desc"`.
const ORDERS: [(SortKey, bool); 3] = [
    (SortKey::Name, false),
    (SortKey::Tier, false),
    (SortKey::Tier, true),
];

/// One sortable column's header: a button that says `data-sort`.
fn write_sort_header(m: &mut Markup, key: &'static str, label: &str, sorted: bool) {
    let th: &[_] = if sorted {
        &[
            ("scope", "col"),
            ("role", "columnheader"),
            ("aria-sort", "ascending"),
            ("class", "se-table__sortable"),
        ]
    } else {
        &[
            ("scope", "col"),
            ("role", "columnheader"),
            ("class", "se-table__sortable"),
        ]
    };
    m.open("th", th)
        .open(
            "button",
            &[("type", "button"), ("class", "se-sort"), ("data-sort", key)],
        )
        .text(label)
        // Its icon is the stylesheet's, after the header's aria-sort.
        .element(
            "span",
            &[("class", "se-sort__icon"), ("aria-hidden", "true")],
            "",
        )
        .close("button")
        .close("th");
}

/// The table (WAI-ARIA APG sortable table) of every jurisdiction with its kind, category and
/// laws, sorted by name, after its kind filter (radios, `value` the rows' `data-kind` or
/// `all`): its frame, caption, headers (buttons with `data-sort`) and rows (with
/// `data-id`, `data-kind` and their places in each order, `data-o`). Each name is a button with
/// the row's `data-id`. The explicit roles keep the table's semantics where the narrow layout
/// changes the cells' `display` (some browsers drop them otherwise).
pub fn write_table(data: &Dataset, lang: Lang) -> String {
    let t = ui(lang);
    let total = data.jurisdictions.len();
    let places: Vec<Vec<&Jurisdiction>> = ORDERS
        .iter()
        .map(|&(sort, descending)| {
            rows(
                data,
                &TableQuery {
                    sort,
                    descending,
                    kind: None,
                },
            )
        })
        .collect();
    // Each row's place in each order, by id (a newsroom's file may list thousands of places,
    // and the validator runs on the page's main thread: no search per row).
    let ranks: Vec<std::collections::HashMap<&str, usize>> = places
        .iter()
        .map(|order| {
            order
                .iter()
                .enumerate()
                .map(|(i, j)| (j.id.as_str(), i))
                .collect()
        })
        .collect();
    let mut m = Markup::new();
    // The kind filter: one radio group ("All" checked), its name the same in every widget (each
    // widget is a tree of its own: its shadow root).
    m.open("fieldset", &[("class", "se-filter")])
        .element(
            "legend",
            &[("class", "se-filter__legend")],
            t.filter_by_kind,
        )
        .open("div", &[("class", "se-filter__options")]);
    for (kind, label) in kind_filters(t) {
        let value = kind.map_or("all", kind_key);
        let radio: &[_] = &[
            ("type", "radio"),
            ("name", "se-table-kind"),
            ("value", value),
        ];
        m.open("label", &[("class", "se-filter__option")]);
        match kind {
            None => m.open("input", &[radio, &[("checked", "")]].concat()),
            Some(_) => m.open("input", radio),
        };
        m.open("span", &[])
            .text(label)
            .element(
                "span",
                &[("class", "se-filter__count")],
                &format!(" ({})", count(data, kind)),
            )
            .close("span")
            .close("label");
    }
    m.close("div").close("fieldset");
    m.open("div", &[("class", "se-table__frame")])
        .open("table", &[("class", "se-table__table"), ("role", "table")])
        .open("caption", &[("class", "se-table__caption")])
        .element(
            "span",
            &[("class", "se-table__count")],
            &t.table_caption(total, total),
        )
        .text(" ")
        .element("span", &[("class", "se-table__hint")], t.sortable_hint)
        .close("caption")
        .open(
            "thead",
            &[("role", "rowgroup"), ("class", "se-table__head")],
        )
        .open("tr", &[("role", "row")]);
    write_sort_header(&mut m, "name", t.name, true);
    m.element("th", &[("scope", "col"), ("role", "columnheader")], t.kind);
    write_sort_header(&mut m, "tier", t.tier, false);
    m.element("th", &[("scope", "col"), ("role", "columnheader")], t.laws)
        .close("tr")
        .close("thead")
        .open("tbody", &[("role", "rowgroup")]);
    for j in &places[0] {
        let tier = j.tier();
        let order = ranks
            .iter()
            .map(|r| {
                r.get(j.id.as_str())
                    .copied()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join(" ");
        m.open(
            "tr",
            &[
                ("role", "row"),
                ("class", "se-table__row"),
                ("data-id", &j.id),
                ("data-kind", kind_key(j.kind)),
                ("data-o", &order),
            ],
        )
        .open(
            "th",
            &[
                ("scope", "row"),
                ("role", "rowheader"),
                ("class", "se-table__cell se-table__cell--name"),
            ],
        )
        .element(
            "button",
            &[
                ("type", "button"),
                ("class", "se-table__name"),
                ("data-id", &j.id),
            ],
            j.name_in(lang),
        )
        .close("th")
        .open(
            "td",
            &[
                ("role", "cell"),
                ("class", "se-table__cell se-table__cell--kind"),
                ("data-label", t.kind),
            ],
        );
        write_kind(&mut m, j, lang, t);
        m.close("td").open(
            "td",
            &[
                ("role", "cell"),
                ("class", "se-table__cell se-table__cell--tier"),
                ("data-label", t.tier),
                ("data-tier", tier.key()),
            ],
        );
        write_tier_badge(&mut m, tier, lang, "span");
        m.close("td").open(
            "td",
            &[
                ("role", "cell"),
                ("class", "se-table__cell se-table__cell--laws"),
                ("data-label", t.laws),
            ],
        );
        write_law_list(&mut m, j, lang, t);
        m.close("td").close("tr");
    }
    m.close("tbody").close("table").close("div");
    m.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::policy::{DateIs, Dimension, Stance};

    fn place(id: &str, kind: Kind, name: &str, status: Status) -> Jurisdiction {
        Jurisdiction {
            status,
            ..Jurisdiction::unreviewed(id, kind, name)
        }
    }

    fn law(name: &str, stance: Stance, dimension: Dimension) -> Policy {
        Policy {
            dimension,
            stance,
            law: name.into(),
            number: Some("SB <54>".into()),
            date: Date::parse("2017-10-05").unwrap(),
            date_is: DateIs::Signed,
            summary: "Limits \"help\" & more".into(),
            summary_es: Some("Limita".into()),
            sources: vec!["s".into()],
            confidence: Confidence::Vetted,
            events: Vec::new(),
        }
    }

    fn data() -> Dataset {
        let mut ca = place("06", Kind::State, "California", Status::Reviewed);
        ca.policies = vec![law(
            "<script>alert(1)</script>",
            Stance::LimitsCooperation,
            Dimension::EnforcementAssistance,
        )];
        ca.notes = vec![Note {
            text: "A note".into(),
            text_es: Some("Una nota".into()),
            sources: vec!["s".into()],
        }];
        let mut tx = place("48", Kind::State, "Texas", Status::Reviewed);
        tx.policies = vec![law(
            "SB 4",
            Stance::RequiresCooperation,
            Dimension::StatePreemption,
        )];
        Dataset {
            as_of: Date::parse("2024-11-20").unwrap(),
            jurisdictions: vec![
                tx,
                place("06037", Kind::County, "Los Angeles County", Status::Unknown),
                ca,
                Jurisdiction {
                    status_sources: vec!["s".into()],
                    ..place("01", Kind::State, "Alabama", Status::NoneFound)
                },
            ],
            sources: vec![Source {
                id: "s".into(),
                publisher: "Pub".into(),
                title: "T".into(),
                date: Date::parse("2024-11-19").unwrap(),
                url: Some("https://example.org/".into()),
            }],
            outline: false,
        }
    }

    #[test]
    fn each_place_has_its_laws_and_extras_by_id_in_its_language() {
        let d = data();
        let en = write(&d, Lang::En, ".se-layer{}");
        assert_eq!(en.css, ".se-layer{}");
        assert_eq!(en.ids, ["48", "06037", "06", "01"]);
        let ca = en.laws_of("06").unwrap();
        assert!(ca.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{ca}");
        assert!(!ca.contains("<script"), "{ca}");
        assert!(ca.contains("SB &lt;54&gt;") && ca.contains("Limits &quot;help&quot; &amp; more"));
        assert!(ca.contains("<a href=\"https://example.org/\""), "{ca}");
        assert!(en.extra_of("06").contains("A note"));
        assert_eq!(en.extra_of("48"), "", "no lists or facts: nothing");
        let mut not_reviewed = Markup::new();
        write_unlisted_layer(&mut not_reviewed, Lang::En, ui(Lang::En));
        assert_eq!(
            en.laws_of("06037"),
            Some(not_reviewed.into_string().as_str()),
            "an unreviewed county's layer is the one the widget writes for a county not listed"
        );
        let state = en.state_layer_of("06").unwrap();
        assert!(state.starts_with("<section class=\"se-layer\" data-layer=\"state\""));
        assert!(state.contains("State law that applies here: California"));
        assert!(state.contains("&lt;script&gt;"), "{state}");
        assert!(
            en.state_layer_of("06037").is_none(),
            "a county is no state layer"
        );
        assert!(en.laws_of("99").is_none());

        let es = write(&d, Lang::Es, "");
        assert_eq!(es.lang, Lang::Es);
        let ca = es.laws_of("06").unwrap();
        assert!(ca.contains("Limita") && ca.contains("lang=\"en\""), "{ca}");
        assert!(es.extra_of("06").contains("Una nota"));
    }

    /// The row's `data-o` ranks, by id.
    fn ranks(table: &str) -> Vec<(String, [usize; 3])> {
        table
            .split("<tr role=\"row\" class=\"se-table__row\" data-id=\"")
            .skip(1)
            .map(|row| {
                let id = row.split('"').next().unwrap().to_owned();
                let o = row.split("data-o=\"").nth(1).unwrap();
                let o: Vec<usize> = o
                    .split('"')
                    .next()
                    .unwrap()
                    .split(' ')
                    .map(|n| n.parse().unwrap())
                    .collect();
                (id, [o[0], o[1], o[2]])
            })
            .collect()
    }

    #[test]
    fn the_table_is_sorted_by_name_and_each_row_knows_its_place_in_each_order() {
        let d = data();
        let table = write_table(&d, Lang::En);
        let r = ranks(&table);
        let ids: Vec<&str> = r.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["01", "06", "06037", "48"], "by name");
        for (i, (id, o)) in r.iter().enumerate() {
            assert_eq!(o[0], i, "{id}: its name rank is its row");
        }
        // By category: California (broad or limited) first, Texas (bans) and then the unknown
        // county last; descending puts the unknown first but keeps names ascending in a tie.
        let by = |k: usize| {
            let mut v: Vec<(usize, &str)> = r.iter().map(|(id, o)| (o[k], id.as_str())).collect();
            v.sort();
            v.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        };
        assert_eq!(by(1), ["06", "01", "48", "06037"]);
        assert_eq!(by(2), ["06037", "48", "01", "06"]);
        assert!(table.contains("data-kind=\"county\""));
        assert!(table.contains(
            "<input type=\"radio\" name=\"se-table-kind\" value=\"all\" checked=\"\"><span>All<span class=\"se-filter__count\"> (4)</span>"
        ));
        assert!(table.contains(
            "value=\"county\"><span>Counties<span class=\"se-filter__count\"> (1)</span>"
        ));
        assert!(table.contains("<button type=\"button\" class=\"se-sort\" data-sort=\"name\">"));
        assert!(table.contains("aria-sort=\"ascending\""));
        assert_eq!(table.matches("aria-sort").count(), 1, "one sorted column");
        assert!(table.contains(&ui(Lang::En).table_caption(4, 4)));
        assert!(table.contains("&lt;script&gt;"), "laws are escaped");
        assert!(!table.contains("<script"));
    }
}
