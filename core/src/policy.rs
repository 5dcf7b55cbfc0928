//! Jurisdictions and their policies on cooperation with federal immigration enforcement, as an
//! editor writes them in `content/jurisdictions.toml`, and the map tier derived from them.
//!
//! There is no official definition of a "sanctuary jurisdiction" (Congressional Research
//! Service, R44795), so the data never says "sanctuary" or "not sanctuary". Each
//! [`Jurisdiction`] lists [`Policy`] records instead, one per law and [`Dimension`] (a law that
//! touches two dimensions is two records), each with its law, date and sources. The map's
//! shading, the [`Tier`], is **derived** from them by the rule below and is never typed in.
//!
//! # The tier rule
//!
//! A jurisdiction's [`Status`] says whether its laws were reviewed. Then, in this order:
//!
//! 1. `status = "unknown"` (its laws were not reviewed): [`Tier::Unknown`]. Shown as unknown,
//!    never guessed. It must list no policies.
//! 2. `status = "none_found"` (reviewed, no law found): [`Tier::NoneKnown`]. Only with
//!    `status_sources`, a source that says so; absence of a source is not absence of a law.
//!    It must list no policies.
//! 3. `status = "reviewed"`: the listed policies decide. There must be at least one.
//!    - every policy requires cooperation (`stance = "requires_cooperation"`, e.g. a state law
//!      banning sanctuary policies): [`Tier::Bans`];
//!    - every policy limits cooperation (`stance = "limits_cooperation"`), and one of them is a
//!      general limit on help to immigration enforcement ([`Dimension::EnforcementAssistance`],
//!      which reaches every kind of cooperation at once, CRS's "don't enforce"), or they cover
//!      3 or more distinct dimensions: [`Tier::Broad`];
//!    - every policy limits cooperation, in 1 or 2 specific dimensions: [`Tier::Limited`];
//!    - some limit and some require cooperation: the rule has no answer; the tier cannot be
//!      derived and [`Dataset::validate`] refuses the data until the rule is extended.
//!
//! Any other contradiction (policies under `unknown` or `none_found`, `reviewed` without
//! policies, `none_found` without a source) is also a tier that cannot be derived: a validation
//! problem, and [`Jurisdiction::tier`] falls back to [`Tier::Unknown`].
//!
//! Designations (being named on a list, e.g. the Justice Department's list of Aug. 5, 2025) and
//! notes are facts about a jurisdiction, not laws: they never change its tier. Neither does a
//! policy's [`Confidence`]: a `secondary` policy counts, and is flagged where it is shown.
//!
//! The tier describes the laws in this data set, which holds what the vetted fact sheet holds;
//! a state marked `limited` may have laws that are not recorded here.
//!
//! # Layers: states, counties and cities
//!
//! A county or city is also bound by its state's laws. **A jurisdiction's tier counts its own
//! policies only**: it answers "what has this jurisdiction itself done?", so a county whose own
//! policies were not reviewed is `unknown` even inside a state with broad limits, and a city's
//! own limits are not hidden by (or mixed with) a state ban. [`Dataset::layers`] gives every
//! layer that applies, the jurisdiction's own first and then its state's, each with its own
//! tier, so the widget can show both ("own policies: unknown; California: broad limits").
//! The data has no county for a city, so a city's layers are the city and its state.
//!
//! # Ids
//!
//! States (the 50 and DC, which is a `state` here: it has a state FIPS code and its own shape
//! on the map) use their two-digit FIPS code ("06"), counties their five-digit FIPS code
//! ("06037"), whose first two digits are the state's; these are the ids of the map's shapes.
//! Cities are points: a slug ending in the state's postal code ("los-angeles-ca"), with `state`
//! (the state's FIPS code) and `lon`/`lat`.
//!
//! # Languages
//!
//! Every reader-facing sentence has a Spanish twin in the content file, and
//! [`Dataset::validate`] refuses the data without it: a policy's `summary` and `summary_es`,
//! an event's and a designation's `what` and `what_es`, a note's `text` and `text_es`. Read
//! them with [`Policy::summary_in`], [`Event::what_in`], [`Designation::what_in`] and
//! [`Note::text_in`]. Names: a state's Spanish name is in the static [`STATES`] table
//! ("Nueva York"), so the 51 state records need none; a county or city gives `name_es` only
//! where Spanish differs ("Condado de Los Ángeles"); [`Jurisdiction::name_in`] picks. A law's
//! name (`law`), its `number`, a designation's `by` and the sources are proper names and
//! citations, and stay as they are.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::content::Source;
use crate::date::Date;
use crate::i18n::Lang;
use crate::problem::{Path, Problem, Problems};

/// The map's data: every state and DC, the counties and cities recorded, and their sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The date up to which the data was checked.
    pub as_of: Date,
    pub jurisdictions: Vec<Jurisdiction>,
    pub sources: Vec<Source>,
    /// True for an outline ([`Dataset::outline`]): what the map's first view needs, without the
    /// laws' words, timelines, lists, notes and sources, which come later in the full data. Set
    /// by [`crate::packed::unpack`] for packed outlines only; never read from a content file.
    #[serde(skip)]
    pub outline: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    State,
    County,
    City,
}

/// Whether a jurisdiction's laws were reviewed. See the module docs for how it sets the tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Reviewed; the laws found are listed in `policies`.
    Reviewed,
    /// Reviewed and no law found, as `status_sources` say.
    NoneFound,
    /// Not reviewed: nothing is known either way.
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// FIPS code for states ("06") and counties ("06037"); a slug for cities ("los-angeles-ca").
    pub id: String,
    pub kind: Kind,
    pub name: String,
    /// Counties and cities only, and only where Spanish differs ("Condado de Los Ángeles",
    /// "Los Ángeles"). A state's Spanish name comes from [`STATES`]. See [`Jurisdiction::name_in`].
    #[serde(default)]
    pub name_es: Option<String>,
    /// Cities only: the state's FIPS code. A county's state is the first two digits of its id.
    #[serde(default)]
    pub state: Option<String>,
    /// Cities only: where the city's point goes on the map, in degrees (WGS 84).
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub lat: Option<f64>,
    /// Cities only: the city's point on the map (us-atlas's 975×610 frame), worked out from
    /// `lon`/`lat` when the content is packed ([`Dataset::with_points`]), so the widget's wasm
    /// carries no projection. Not for editors: validation refuses it in a content file.
    #[serde(default)]
    pub at: Option<[f32; 2]>,
    pub status: Status,
    /// With `status = "none_found"` only: sources that say no law was found.
    #[serde(default)]
    pub status_sources: Vec<String>,
    #[serde(default)]
    pub policies: Vec<Policy>,
    /// Lists that name the jurisdiction. They do not change its tier.
    #[serde(default)]
    pub designations: Vec<Designation>,
    /// Other sourced facts worth showing. They do not change its tier.
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// What a policy is about. Grouped as the fact sheet, CRS and ILRC group them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Dimension {
    /// Help to immigration enforcement in general: the jurisdiction's resources, property or
    /// personnel ("don't enforce").
    #[serde(rename = "enforcement_assistance")]
    EnforcementAssistance,
    /// Holding people on ICE's civil detainer requests.
    #[serde(rename = "civil_detainers")]
    CivilDetainers,
    /// Asking people about their immigration status ("don't ask").
    #[serde(rename = "status_inquiries")]
    StatusInquiries,
    /// Sharing information with immigration agencies, DMV data included ("don't tell").
    #[serde(rename = "information_sharing")]
    InformationSharing,
    /// ICE's access to jails and the people held there.
    #[serde(rename = "jail_access")]
    JailAccess,
    /// 287(g) agreements deputizing local officers for immigration enforcement.
    #[serde(rename = "agreements_287g")]
    Agreements287g,
    /// Contracts to hold people in immigration detention.
    #[serde(rename = "detention_contracts")]
    DetentionContracts,
    /// Civil immigration arrests at courthouses.
    #[serde(rename = "courthouse_arrests")]
    CourthouseArrests,
    /// A state law overriding local policy: anti-sanctuary laws. States only.
    #[serde(rename = "state_preemption")]
    StatePreemption,
}

/// Which way a policy goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Limits cooperation with federal immigration enforcement.
    LimitsCooperation,
    /// Requires cooperation, or bans limits on it.
    RequiresCooperation,
}

/// What a policy's `date` is the date of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateIs {
    /// Signed by the governor (or mayor).
    Signed,
    /// Became law (e.g. without a signature), when the signing is not what the source gives.
    Enacted,
    /// Passed the legislature; the signing date is not known.
    Passed,
    /// Final approval by a council.
    Adopted,
    /// Issued (a directive or an order).
    Issued,
}

/// How well a fact is sourced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// As the vetted fact sheet gives it.
    #[default]
    Vetted,
    /// The fact sheet marks it secondary: it rests on one news or aggregator copy.
    Secondary,
}

impl Confidence {
    pub fn is_vetted(&self) -> bool {
        *self == Confidence::Vetted
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub dimension: Dimension,
    pub stance: Stance,
    /// The law's name, or a plain description when it has none ("Texas anti-sanctuary law").
    pub law: String,
    /// Bill or code number exactly as the source gives it ("SB 54"); absent when none is given.
    #[serde(default)]
    pub number: Option<String>,
    /// When the law was made, at the precision known; `date_is` says what happened that day.
    pub date: Date,
    pub date_is: DateIs,
    /// One line, in our own words.
    pub summary: String,
    /// `summary` in Spanish; required by [`Dataset::validate`]. See [`Policy::summary_in`].
    #[serde(default)]
    pub summary_es: Option<String>,
    /// Ids of entries in `[[sources]]`.
    pub sources: Vec<String>,
    #[serde(default)]
    pub confidence: Confidence,
    /// Other dated steps: votes, taking effect, amendments, lawsuits.
    #[serde(default)]
    pub events: Vec<Event>,
}

/// A dated step in a policy's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub date: Date,
    /// One line, in our own words.
    pub what: String,
    /// `what` in Spanish; required by [`Dataset::validate`]. See [`Event::what_in`].
    #[serde(default)]
    pub what_es: Option<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub confidence: Confidence,
}

/// A list that names the jurisdiction (e.g. the Justice Department's). Never changes the tier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Designation {
    /// Who names it ("US Department of Justice").
    pub by: String,
    /// What the list calls it, in our own words, one line.
    pub what: String,
    /// `what` in Spanish; required by [`Dataset::validate`]. See [`Designation::what_in`].
    #[serde(default)]
    pub what_es: Option<String>,
    pub date: Date,
    pub sources: Vec<String>,
}

/// Another sourced fact about a jurisdiction, one line. Never changes the tier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    /// `text` in Spanish; required by [`Dataset::validate`]. See [`Note::text_in`].
    #[serde(default)]
    pub text_es: Option<String>,
    pub sources: Vec<String>,
}

/// The map's shading, derived by the rule in the module docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Limits cooperation in general, or in 3 or more dimensions.
    Broad,
    /// Limits cooperation in 1 or 2 specific dimensions.
    Limited,
    /// Reviewed, and a source says no law was found.
    NoneKnown,
    /// Bans sanctuary policies or requires cooperation.
    Bans,
    /// Not reviewed: unknown.
    Unknown,
}

impl Tier {
    /// Every tier, from the strongest protection to bans, then unknown (the legend's order).
    pub const ALL: [Tier; 5] = [
        Tier::Broad,
        Tier::Limited,
        Tier::NoneKnown,
        Tier::Bans,
        Tier::Unknown,
    ];

    /// A stable name for CSS classes and data attributes (the serde name).
    pub fn key(self) -> &'static str {
        match self {
            Tier::Broad => "broad",
            Tier::Limited => "limited",
            Tier::NoneKnown => "none_known",
            Tier::Bans => "bans",
            Tier::Unknown => "unknown",
        }
    }

    /// The legend's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Tier::Broad) => "Broad limits on cooperation",
            (Lang::En, Tier::Limited) => "Some limits on cooperation",
            (Lang::En, Tier::NoneKnown) => "No known law",
            (Lang::En, Tier::Bans) => "Bans sanctuary policies",
            (Lang::En, Tier::Unknown) => "Not reviewed",
            (Lang::Es, Tier::Broad) => "Límites amplios a la cooperación",
            (Lang::Es, Tier::Limited) => "Algunos límites a la cooperación",
            (Lang::Es, Tier::NoneKnown) => "Ninguna ley conocida",
            (Lang::Es, Tier::Bans) => "Prohíbe las políticas santuario",
            (Lang::Es, Tier::Unknown) => "Sin revisar",
        }
    }
}

impl Dimension {
    pub const ALL: [Dimension; 9] = [
        Dimension::EnforcementAssistance,
        Dimension::CivilDetainers,
        Dimension::StatusInquiries,
        Dimension::InformationSharing,
        Dimension::JailAccess,
        Dimension::Agreements287g,
        Dimension::DetentionContracts,
        Dimension::CourthouseArrests,
        Dimension::StatePreemption,
    ];

    /// The name as written in content files.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::EnforcementAssistance => "enforcement_assistance",
            Dimension::CivilDetainers => "civil_detainers",
            Dimension::StatusInquiries => "status_inquiries",
            Dimension::InformationSharing => "information_sharing",
            Dimension::JailAccess => "jail_access",
            Dimension::Agreements287g => "agreements_287g",
            Dimension::DetentionContracts => "detention_contracts",
            Dimension::CourthouseArrests => "courthouse_arrests",
            Dimension::StatePreemption => "state_preemption",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Dimension::EnforcementAssistance) => "Help with immigration enforcement",
            (Lang::En, Dimension::CivilDetainers) => "Civil detainers",
            (Lang::En, Dimension::StatusInquiries) => "Questions about immigration status",
            (Lang::En, Dimension::InformationSharing) => "Information sharing",
            (Lang::En, Dimension::JailAccess) => "ICE access to jails",
            (Lang::En, Dimension::Agreements287g) => "287(g) agreements",
            (Lang::En, Dimension::DetentionContracts) => "Detention contracts",
            (Lang::En, Dimension::CourthouseArrests) => "Courthouse arrests",
            (Lang::En, Dimension::StatePreemption) => "State ban on sanctuary policies",
            (Lang::Es, Dimension::EnforcementAssistance) => "Ayuda a la aplicación migratoria",
            (Lang::Es, Dimension::CivilDetainers) => "Solicitudes civiles de detención",
            (Lang::Es, Dimension::StatusInquiries) => "Preguntas sobre el estatus migratorio",
            (Lang::Es, Dimension::InformationSharing) => "Intercambio de información",
            (Lang::Es, Dimension::JailAccess) => "Acceso de ICE a las cárceles",
            (Lang::Es, Dimension::Agreements287g) => "Acuerdos 287(g)",
            (Lang::Es, Dimension::DetentionContracts) => "Contratos de detención",
            (Lang::Es, Dimension::CourthouseArrests) => "Arrestos en los tribunales",
            (Lang::Es, Dimension::StatePreemption) => "Prohibición estatal de políticas santuario",
        }
    }
}

impl DateIs {
    /// Goes before the date: "Signed Oct. 5, 2017", "Firma: 5 de octubre de 2017".
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, DateIs::Signed) => "Signed",
            (Lang::En, DateIs::Enacted) => "Enacted",
            (Lang::En, DateIs::Passed) => "Passed",
            (Lang::En, DateIs::Adopted) => "Adopted",
            (Lang::En, DateIs::Issued) => "Issued",
            (Lang::Es, DateIs::Signed) => "Firma:",
            (Lang::Es, DateIs::Enacted) => "Promulgación:",
            (Lang::Es, DateIs::Passed) => "Aprobación legislativa:",
            (Lang::Es, DateIs::Adopted) => "Aprobación final:",
            (Lang::Es, DateIs::Issued) => "Emisión:",
        }
    }
}

/// One of the 50 states or DC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StateInfo {
    /// Two-digit FIPS code, the map's id.
    pub fips: &'static str,
    /// USPS code.
    pub postal: &'static str,
    pub name: &'static str,
    /// The Spanish name, as Spanish-language newsrooms in the US write it ("Nueva York",
    /// "Carolina del Norte"); the same as `name` where Spanish keeps the English name.
    pub name_es: &'static str,
}

impl StateInfo {
    /// The state's name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.name,
            Lang::Es => self.name_es,
        }
    }
}

const fn st(
    fips: &'static str,
    postal: &'static str,
    name: &'static str,
    name_es: &'static str,
) -> StateInfo {
    StateInfo {
        fips,
        postal,
        name,
        name_es,
    }
}

/// The 50 states and DC, by FIPS code.
pub const STATES: [StateInfo; 51] = [
    st("01", "AL", "Alabama", "Alabama"),
    st("02", "AK", "Alaska", "Alaska"),
    st("04", "AZ", "Arizona", "Arizona"),
    st("05", "AR", "Arkansas", "Arkansas"),
    st("06", "CA", "California", "California"),
    st("08", "CO", "Colorado", "Colorado"),
    st("09", "CT", "Connecticut", "Connecticut"),
    st("10", "DE", "Delaware", "Delaware"),
    st("11", "DC", "District of Columbia", "Distrito de Columbia"),
    st("12", "FL", "Florida", "Florida"),
    st("13", "GA", "Georgia", "Georgia"),
    st("15", "HI", "Hawaii", "Hawái"),
    st("16", "ID", "Idaho", "Idaho"),
    st("17", "IL", "Illinois", "Illinois"),
    st("18", "IN", "Indiana", "Indiana"),
    st("19", "IA", "Iowa", "Iowa"),
    st("20", "KS", "Kansas", "Kansas"),
    st("21", "KY", "Kentucky", "Kentucky"),
    st("22", "LA", "Louisiana", "Luisiana"),
    st("23", "ME", "Maine", "Maine"),
    st("24", "MD", "Maryland", "Maryland"),
    st("25", "MA", "Massachusetts", "Massachusetts"),
    st("26", "MI", "Michigan", "Michigan"),
    st("27", "MN", "Minnesota", "Minnesota"),
    st("28", "MS", "Mississippi", "Misisipi"),
    st("29", "MO", "Missouri", "Misuri"),
    st("30", "MT", "Montana", "Montana"),
    st("31", "NE", "Nebraska", "Nebraska"),
    st("32", "NV", "Nevada", "Nevada"),
    st("33", "NH", "New Hampshire", "Nuevo Hampshire"),
    st("34", "NJ", "New Jersey", "Nueva Jersey"),
    st("35", "NM", "New Mexico", "Nuevo México"),
    st("36", "NY", "New York", "Nueva York"),
    st("37", "NC", "North Carolina", "Carolina del Norte"),
    st("38", "ND", "North Dakota", "Dakota del Norte"),
    st("39", "OH", "Ohio", "Ohio"),
    st("40", "OK", "Oklahoma", "Oklahoma"),
    st("41", "OR", "Oregon", "Oregón"),
    st("42", "PA", "Pennsylvania", "Pensilvania"),
    st("44", "RI", "Rhode Island", "Rhode Island"),
    st("45", "SC", "South Carolina", "Carolina del Sur"),
    st("46", "SD", "South Dakota", "Dakota del Sur"),
    st("47", "TN", "Tennessee", "Tennessee"),
    st("48", "TX", "Texas", "Texas"),
    st("49", "UT", "Utah", "Utah"),
    st("50", "VT", "Vermont", "Vermont"),
    st("51", "VA", "Virginia", "Virginia"),
    st("53", "WA", "Washington", "Washington"),
    st("54", "WV", "West Virginia", "Virginia Occidental"),
    st("55", "WI", "Wisconsin", "Wisconsin"),
    st("56", "WY", "Wyoming", "Wyoming"),
];

/// The state (or DC) with this two-digit FIPS code.
pub fn state_by_fips(fips: &str) -> Option<&'static StateInfo> {
    STATES.iter().find(|s| s.fips == fips)
}

/// The state (or DC) with this USPS code, upper case ("CA").
pub fn state_by_postal(postal: &str) -> Option<&'static StateInfo> {
    STATES.iter().find(|s| s.postal == postal)
}

/// The areas the map shows, as (west, south, east, north) in degrees: a coarse check that a
/// city's point is in the United States and not, say, a swapped `lon`/`lat`.
const US_BOXES: [(f64, f64, f64, f64); 4] = [
    (-125.0, 24.3, -66.9, 49.5),  // lower 48
    (-180.0, 51.0, -129.9, 71.5), // Alaska
    (172.0, 51.0, 180.0, 53.1),   // Alaska: the Aleutians west of 180°
    (-160.3, 18.8, -154.7, 22.3), // Hawaii
];

/// A coordinate for a message, up to 6 decimals, without float formatting (which would add
/// some 20 KB of float printing to the wasm, where this validation also runs).
fn coord(v: f64) -> String {
    if !v.is_finite() {
        return "not a number".into();
    }
    let millionths = (v * 1e6).round() as i64;
    let sign = if millionths < 0 { "-" } else { "" };
    let a = millionths.unsigned_abs();
    let frac = format!("{:06}", a % 1_000_000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{}", a / 1_000_000)
    } else {
        format!("{sign}{}.{frac}", a / 1_000_000)
    }
}

/// Whether (lon, lat) falls in one of the boxes around the lower 48, Alaska and Hawaii.
pub fn in_us(lon: f64, lat: f64) -> bool {
    US_BOXES
        .iter()
        .any(|&(w, s, e, n)| (w..=e).contains(&lon) && (s..=n).contains(&lat))
}

/// One layer of law that applies to a place: the jurisdiction and its own tier.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layer<'a> {
    pub jurisdiction: &'a Jurisdiction,
    pub tier: Tier,
}

impl Jurisdiction {
    /// A county or city whose laws were not reviewed (status unknown, no policies).
    pub fn unreviewed(id: &str, kind: Kind, name: &str) -> Jurisdiction {
        Jurisdiction {
            id: id.to_owned(),
            kind,
            name: name.to_owned(),
            name_es: None,
            state: None,
            lon: None,
            lat: None,
            at: None,
            status: Status::Unknown,
            status_sources: Vec::new(),
            policies: Vec::new(),
            designations: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Its name in `lang`. Spanish: `name_es` where given, else a state's Spanish name from
    /// [`STATES`], else `name` (a place whose name Spanish keeps, e.g. "San Diego").
    pub fn name_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name,
            Lang::Es => match (&self.name_es, self.kind) {
                (Some(es), _) if !es.trim().is_empty() => es,
                (_, Kind::State) => state_by_fips(&self.id).map_or(&self.name, |s| s.name_es),
                _ => &self.name,
            },
        }
    }

    /// The FIPS code of the state it is in (itself, for a state).
    pub fn state_fips(&self) -> Option<&str> {
        match self.kind {
            Kind::State => Some(&self.id),
            Kind::County => self.id.get(..2),
            Kind::City => self.state.as_deref(),
        }
    }

    /// The state it is in (itself, for a state), from [`STATES`].
    pub fn state_info(&self) -> Option<&'static StateInfo> {
        self.state_fips().and_then(state_by_fips)
    }

    /// The distinct dimensions its policies limit, in order.
    pub fn limited_dimensions(&self) -> Vec<Dimension> {
        let mut dims = Vec::new();
        for p in &self.policies {
            if p.stance == Stance::LimitsCooperation {
                dims.push(p.dimension);
            }
        }
        dims.sort_unstable();
        dims.dedup();
        dims
    }

    /// The tier by the rule in the module docs, or why it cannot be derived.
    pub fn derive_tier(&self) -> Result<Tier, String> {
        self.classify().map_err(|why| {
            let why = match why {
                NoTier::UnknownWithPolicies => "status is \"unknown\" but policies are listed: use status = \"reviewed\"",
                NoTier::NoneFoundWithPolicies => "status is \"none_found\" but policies are listed: use status = \"reviewed\"",
                NoTier::NoneFoundUnsourced => "status is \"none_found\" without status_sources: cite a source that says no law was found, or use status = \"unknown\"",
                NoTier::ReviewedEmpty => "status is \"reviewed\" but no policies are listed: list them, or use status = \"none_found\" (with status_sources) or \"unknown\"",
                NoTier::LimitsAndRequires => "some policies limit cooperation and some require it",
            };
            format!("the tier cannot be derived: {why}")
        })
    }

    /// [`Jurisdiction::derive_tier`] without the words (the widget only needs the tier; the
    /// messages are for validation, which runs at build time).
    fn classify(&self) -> Result<Tier, NoTier> {
        match self.status {
            Status::Unknown if !self.policies.is_empty() => Err(NoTier::UnknownWithPolicies),
            Status::Unknown => Ok(Tier::Unknown),
            Status::NoneFound if !self.policies.is_empty() => Err(NoTier::NoneFoundWithPolicies),
            Status::NoneFound if self.status_sources.is_empty() => Err(NoTier::NoneFoundUnsourced),
            Status::NoneFound => Ok(Tier::NoneKnown),
            Status::Reviewed if self.policies.is_empty() => Err(NoTier::ReviewedEmpty),
            Status::Reviewed => {
                let limits = self
                    .policies
                    .iter()
                    .any(|p| p.stance == Stance::LimitsCooperation);
                let requires = self
                    .policies
                    .iter()
                    .any(|p| p.stance == Stance::RequiresCooperation);
                if limits && requires {
                    return Err(NoTier::LimitsAndRequires);
                }
                if requires {
                    return Ok(Tier::Bans);
                }
                let dims = self.limited_dimensions();
                if dims.contains(&Dimension::EnforcementAssistance) || dims.len() >= 3 {
                    Ok(Tier::Broad)
                } else {
                    Ok(Tier::Limited)
                }
            }
        }
    }

    /// The tier by the rule in the module docs; [`Tier::Unknown`] when it cannot be derived
    /// (which [`Dataset::validate`] reports).
    pub fn tier(&self) -> Tier {
        self.classify().unwrap_or(Tier::Unknown)
    }
}

/// Why a jurisdiction's tier cannot be derived ([`Jurisdiction::derive_tier`] words it).
enum NoTier {
    UnknownWithPolicies,
    NoneFoundWithPolicies,
    NoneFoundUnsourced,
    ReviewedEmpty,
    LimitsAndRequires,
}

/// `en`, or in Spanish `es`. A missing Spanish text (which [`Dataset::validate`] refuses in
/// the content file) falls back to the English rather than showing nothing.
fn in_lang<'a>(lang: Lang, en: &'a str, es: &'a Option<String>) -> &'a str {
    match (lang, es) {
        (Lang::Es, Some(es)) if !es.trim().is_empty() => es,
        _ => en,
    }
}

impl Policy {
    /// The one-line summary in `lang`.
    pub fn summary_in(&self, lang: Lang) -> &str {
        in_lang(lang, &self.summary, &self.summary_es)
    }
}

impl Event {
    /// What happened, in `lang`.
    pub fn what_in(&self, lang: Lang) -> &str {
        in_lang(lang, &self.what, &self.what_es)
    }
}

impl Designation {
    /// What the list calls the jurisdiction, in `lang`.
    pub fn what_in(&self, lang: Lang) -> &str {
        in_lang(lang, &self.what, &self.what_es)
    }
}

impl Note {
    /// The note in `lang`.
    pub fn text_in(&self, lang: Lang) -> &str {
        in_lang(lang, &self.text, &self.text_es)
    }
}

/// Whether `d` is certainly later than `limit`, comparing only the precision both have.
fn is_after(d: Date, limit: Date) -> bool {
    if d.year != limit.year {
        return d.year > limit.year;
    }
    match (d.month, limit.month) {
        (Some(a), Some(b)) if a != b => a > b,
        (Some(_), Some(_)) => matches!((d.day, limit.day), (Some(a), Some(b)) if a > b),
        _ => false,
    }
}

impl Dataset {
    pub fn jurisdiction(&self, id: &str) -> Option<&Jurisdiction> {
        self.jurisdictions.iter().find(|j| j.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The tier of a jurisdiction (its own policies only, see the module docs); `None` for an
    /// id not in the data.
    pub fn tier(&self, id: &str) -> Option<Tier> {
        self.jurisdiction(id).map(Jurisdiction::tier)
    }

    /// The states and DC, in file order.
    pub fn states(&self) -> impl Iterator<Item = &Jurisdiction> + '_ {
        self.jurisdictions.iter().filter(|j| j.kind == Kind::State)
    }

    /// The counties recorded in the state with this FIPS code.
    pub fn counties_of<'a>(
        &'a self,
        state_fips: &'a str,
    ) -> impl Iterator<Item = &'a Jurisdiction> + 'a {
        self.locals_of(state_fips)
            .filter(|j| j.kind == Kind::County)
    }

    /// The cities recorded in the state with this FIPS code.
    pub fn cities_of<'a>(
        &'a self,
        state_fips: &'a str,
    ) -> impl Iterator<Item = &'a Jurisdiction> + 'a {
        self.locals_of(state_fips).filter(|j| j.kind == Kind::City)
    }

    /// The counties and cities recorded in the state with this FIPS code.
    pub fn locals_of<'a>(
        &'a self,
        state_fips: &'a str,
    ) -> impl Iterator<Item = &'a Jurisdiction> + 'a {
        self.jurisdictions
            .iter()
            .filter(move |j| j.kind != Kind::State && j.state_fips() == Some(state_fips))
    }

    /// Every layer of law that applies to a jurisdiction: its own, then its state's (for a
    /// county or city), each with its own tier. Empty for an id not in the data.
    pub fn layers(&self, id: &str) -> Vec<Layer<'_>> {
        match self.jurisdiction(id) {
            Some(own) => self.layers_of(own),
            None => Vec::new(),
        }
    }

    /// [`Dataset::layers`] of `own`, which need not be in the data (a county that is on the map
    /// but not in it: [`Jurisdiction::unreviewed`]); its state's layer comes from the data.
    pub fn layers_of<'a>(&'a self, own: &'a Jurisdiction) -> Vec<Layer<'a>> {
        let mut layers = vec![Layer {
            jurisdiction: own,
            tier: own.tier(),
        }];
        if own.kind != Kind::State {
            let state = own.state_fips().and_then(|fips| {
                self.jurisdictions
                    .iter()
                    .find(|j| j.kind == Kind::State && j.id == fips)
            });
            if let Some(state) = state {
                layers.push(Layer {
                    jurisdiction: state,
                    tier: state.tier(),
                });
            }
        }
        layers
    }

    /// The outline of this data, for the map's first view: every jurisdiction with its names,
    /// kind, state and point, and each of its policies as its dimension and stance only (the
    /// tier is derived from those, so every tier is the same as in the full data); no laws'
    /// words, events, designations, notes or sources. The widget shows the map and the
    /// Q&A with it and fetches the full data for the detail panel and the table, which say
    /// they are loading until it is there (`outline` is true).
    pub fn outline(&self) -> Dataset {
        let empty = |p: &Policy| Policy {
            dimension: p.dimension,
            stance: p.stance,
            law: String::new(),
            number: None,
            date: p.date,
            date_is: p.date_is,
            summary: String::new(),
            summary_es: None,
            sources: Vec::new(),
            confidence: Confidence::Vetted,
            events: Vec::new(),
        };
        Dataset {
            as_of: self.as_of,
            jurisdictions: self
                .jurisdictions
                .iter()
                .map(|j| {
                    let mut policies: Vec<Policy> = Vec::new();
                    for p in &j.policies {
                        if !policies
                            .iter()
                            .any(|q| q.dimension == p.dimension && q.stance == p.stance)
                        {
                            policies.push(empty(p));
                        }
                    }
                    Jurisdiction {
                        id: j.id.clone(),
                        kind: j.kind,
                        name: j.name.clone(),
                        name_es: j.name_es.clone(),
                        state: j.state.clone(),
                        lon: None,
                        lat: None,
                        at: j.at,
                        status: j.status,
                        // Only whether there are any counts (for `none_found`'s tier).
                        status_sources: j.status_sources.iter().take(1).cloned().collect(),
                        policies,
                        designations: Vec::new(),
                        notes: Vec::new(),
                    }
                })
                .collect(),
            sources: Vec::new(),
            outline: true,
        }
    }

    /// The same data with each city's point on the map ([`Jurisdiction::at`]) projected from
    /// its `lon`/`lat` (Albers USA, as us-atlas's shapes). The packer calls it, so the widget
    /// only reads the points. An outline has its points already (and no `lon`/`lat`).
    pub fn with_points(&self) -> Dataset {
        let albers = crate::projection::AlbersUsa::us_atlas();
        let mut data = self.clone();
        if data.outline {
            return data;
        }
        for j in data
            .jurisdictions
            .iter_mut()
            .filter(|j| j.kind == Kind::City)
        {
            j.at = j
                .lon
                .zip(j.lat)
                .and_then(|(lon, lat)| albers.project(lon, lat))
                .map(|(x, y)| [x as f32, y as f32]);
        }
        data
    }

    /// Checks everything serde cannot: ids, FIPS codes, coordinates, references, whether every
    /// state is present and every tier can be derived. Returns every problem found.
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        let root = Path::root();

        let source_ids = crate::content::check_sources(&mut p, &self.sources);
        for (i, s) in self.sources.iter().enumerate() {
            if is_after(s.date, self.as_of) {
                p.push(
                    root.key("sources").index(i).key("date"),
                    self.after_as_of(s.date),
                );
            }
        }

        let mut cited: HashSet<&str> = HashSet::new();
        let cite = |p: &mut Problems, at: Path, ids: &[String], what: &str| {
            if ids.is_empty() {
                p.push(
                    at.clone(),
                    format!("every {what} needs at least one source"),
                );
            }
            for (j, sid) in ids.iter().enumerate() {
                if !source_ids.contains_key(sid.as_str()) {
                    p.push(
                        at.index(j),
                        format!("unknown source \"{sid}\": add it to [[sources]] or fix the id"),
                    );
                }
            }
        };

        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, j) in self.jurisdictions.iter().enumerate() {
            let at = root.key("jurisdictions").index(i);
            if let Some(first) = ids.insert(&j.id, i) {
                p.push(
                    at.key("id"),
                    format!(
                        "duplicate jurisdiction id \"{}\" (also jurisdictions[{first}])",
                        j.id
                    ),
                );
            }
            self.check_id(&mut p, &at, j);
            p.require_text(at.key("name"), &j.name);
            check_name_es(&mut p, &at, j);
            check_coordinates(&mut p, &at, j);

            if let Err(why) = j.derive_tier() {
                p.push(at.key("status"), why);
            }
            if j.status == Status::NoneFound {
                if !j.status_sources.is_empty() {
                    cite(
                        &mut p,
                        at.key("status_sources"),
                        &j.status_sources,
                        "status",
                    );
                }
            } else if !j.status_sources.is_empty() {
                p.push(
                    at.key("status_sources"),
                    "only status = \"none_found\" takes status_sources",
                );
            }
            cited.extend(j.status_sources.iter().map(String::as_str));

            for (k, pol) in j.policies.iter().enumerate() {
                let at = at.key("policies").index(k);
                if pol.dimension == Dimension::StatePreemption {
                    if j.kind != Kind::State {
                        p.push(
                            at.key("dimension"),
                            "state_preemption is a state law: only a state can have it",
                        );
                    }
                    if pol.stance != Stance::RequiresCooperation {
                        p.push(
                            at.key("stance"),
                            "state_preemption is a state law banning sanctuary policies: its stance is \"requires_cooperation\"",
                        );
                    }
                }
                p.require_text(at.key("law"), &pol.law);
                if let Some(number) = &pol.number {
                    if number.trim().is_empty() {
                        p.push(
                            at.key("number"),
                            "must not be empty: leave `number` out when the source gives none",
                        );
                    }
                }
                self.check_date(&mut p, at.key("date"), pol.date);
                require_line(&mut p, at.key("summary"), &pol.summary);
                require_spanish(&mut p, at.key("summary_es"), &pol.summary_es);
                cite(&mut p, at.key("sources"), &pol.sources, "policy");
                cited.extend(pol.sources.iter().map(String::as_str));
                for (e, ev) in pol.events.iter().enumerate() {
                    let at = at.key("events").index(e);
                    self.check_date(&mut p, at.key("date"), ev.date);
                    require_line(&mut p, at.key("what"), &ev.what);
                    require_spanish(&mut p, at.key("what_es"), &ev.what_es);
                    cite(&mut p, at.key("sources"), &ev.sources, "event");
                    cited.extend(ev.sources.iter().map(String::as_str));
                }
            }
            for (k, d) in j.designations.iter().enumerate() {
                let at = at.key("designations").index(k);
                p.require_text(at.key("by"), &d.by);
                require_line(&mut p, at.key("what"), &d.what);
                require_spanish(&mut p, at.key("what_es"), &d.what_es);
                self.check_date(&mut p, at.key("date"), d.date);
                cite(&mut p, at.key("sources"), &d.sources, "designation");
                cited.extend(d.sources.iter().map(String::as_str));
            }
            for (k, n) in j.notes.iter().enumerate() {
                let at = at.key("notes").index(k);
                require_line(&mut p, at.key("text"), &n.text);
                require_spanish(&mut p, at.key("text_es"), &n.text_es);
                cite(&mut p, at.key("sources"), &n.sources, "note");
                cited.extend(n.sources.iter().map(String::as_str));
            }
        }

        for s in &STATES {
            let present = self
                .jurisdictions
                .iter()
                .any(|j| j.kind == Kind::State && j.id == s.fips);
            if !present {
                p.push(
                    root.key("jurisdictions"),
                    format!(
                        "missing state: {} (\"{}\"); list every state and DC, with status = \"unknown\" if its laws were not reviewed",
                        s.name, s.fips
                    ),
                );
            }
        }

        for (i, s) in self.sources.iter().enumerate() {
            if !cited.contains(s.id.as_str()) {
                p.push(
                    root.key("sources").index(i).key("id"),
                    format!("source \"{}\" is not cited by anything", s.id),
                );
            }
        }
        p.0
    }

    fn after_as_of(&self, d: Date) -> String {
        format!(
            "{d} is after the data's as_of date ({}): update as_of or fix the date",
            self.as_of
        )
    }

    fn check_date(&self, p: &mut Problems, at: Path, d: Date) {
        if is_after(d, self.as_of) {
            p.push(at, self.after_as_of(d));
        }
    }

    fn check_id(&self, p: &mut Problems, at: &Path, j: &Jurisdiction) {
        let id = &j.id;
        let digits = |n: usize| id.len() == n && id.bytes().all(|b| b.is_ascii_digit());
        match j.kind {
            Kind::State => {
                if state_by_fips(id).is_none() {
                    p.push(
                        at.key("id"),
                        format!("\"{id}\" is not the FIPS code of a state or DC: use two digits, e.g. \"06\" for California"),
                    );
                }
            }
            Kind::County => {
                if !digits(5) {
                    p.push(
                        at.key("id"),
                        format!("\"{id}\" is not a county FIPS code: use five digits, the state's two and the county's three (e.g. \"06037\")"),
                    );
                } else if state_by_fips(&id[..2]).is_none() {
                    p.push(
                        at.key("id"),
                        format!(
                            "county \"{id}\": \"{}\" is not the FIPS code of a state or DC",
                            &id[..2]
                        ),
                    );
                }
            }
            Kind::City => {
                p.require_slug(at.key("id"), id);
                match j.state.as_deref() {
                    None => p.push(
                        at.clone(),
                        "a city needs `state`, the FIPS code of its state (e.g. state = \"06\")",
                    ),
                    Some(fips) => match state_by_fips(fips) {
                        None => p.push(
                            at.key("state"),
                            format!("\"{fips}\" is not the FIPS code of a state or DC: use two digits, e.g. \"06\" for California"),
                        ),
                        Some(s) => {
                            let suffix = format!("-{}", s.postal.to_ascii_lowercase());
                            if !id.ends_with(&suffix) || id.len() == suffix.len() {
                                p.push(
                                    at.key("id"),
                                    format!("a city's id ends with its state's postal code: \"{id}\" should end with \"{suffix}\""),
                                );
                            }
                        }
                    },
                }
            }
        }
        if j.kind != Kind::City && j.state.is_some() {
            p.push(
                at.key("state"),
                "only cities have `state`: a county's state is the first two digits of its FIPS code",
            );
        }
    }
}

fn check_coordinates(p: &mut Problems, at: &Path, j: &Jurisdiction) {
    if j.at.is_some() {
        p.push(
            at.key("at"),
            "`at` is not written by hand: the map's point is worked out from `lon` and `lat`",
        );
    }
    match (j.kind, j.lon, j.lat) {
        (Kind::City, Some(lon), Some(lat)) => {
            if !in_us(lon, lat) {
                p.push(
                    at.key("lon"),
                    format!("lon = {}, lat = {} is outside the United States on the map (lower 48, Alaska, Hawaii): check the signs and that lon and lat are not swapped", coord(lon), coord(lat)),
                );
            }
        }
        (Kind::City, _, _) => {
            p.push(
                at.clone(),
                "a city needs coordinates: `lon` and `lat`, in degrees",
            );
        }
        (_, None, None) => {}
        (_, lon, _) => {
            let key = if lon.is_some() { "lon" } else { "lat" };
            p.push(
                at.key(key),
                "only cities have coordinates: states and counties are drawn from the map's shapes",
            );
        }
    }
}

/// A Spanish translation of a one-line text field: present, not blank, no line breaks.
fn require_spanish(p: &mut Problems, at: Path, value: &Option<String>) {
    match value {
        Some(v) if !v.trim().is_empty() => require_line(p, at, v),
        _ => p.push(at, "missing Spanish translation"),
    }
}

/// `name_es`: only where the Spanish name differs, and never on a state (its Spanish name is
/// in [`STATES`]).
fn check_name_es(p: &mut Problems, at: &Path, j: &Jurisdiction) {
    let Some(es) = &j.name_es else { return };
    let at = at.key("name_es");
    if j.kind == Kind::State {
        p.push(
            at,
            "a state's Spanish name comes from STATES in core/src/policy.rs: leave name_es out",
        );
    } else if es.trim().is_empty() {
        p.push(
            at,
            "must not be empty: leave name_es out when the Spanish name is the same",
        );
    } else if es.trim() == j.name.trim() {
        p.push(
            at,
            "the same as name: leave name_es out when the Spanish name is the same",
        );
    } else if es.contains('\n') {
        p.push(at, "must be one line");
    }
}

/// A one-line text field: present, not blank, no line breaks.
fn require_line(p: &mut Problems, at: Path, value: &str) {
    if value.contains('\n') && !value.trim().is_empty() {
        p.push(at, "must be one line");
    } else {
        // Not empty, and no invisible or bidi control characters.
        p.require_text(at, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every state and DC, all unknown except: CA broad (a general limit), NY broad (three
    /// dimensions), IL limited, WY none known, TX bans; plus a county and a city in CA.
    fn dataset() -> Dataset {
        let mut jurisdictions: Vec<serde_json::Value> = STATES
            .iter()
            .map(|s| serde_json::json!({"id": s.fips, "kind": "state", "name": s.name, "status": "unknown"}))
            .collect();
        let limit = |dimension: &str| {
            serde_json::json!({
                "dimension": dimension, "stance": "limits_cooperation", "law": "A law",
                "number": "SB 1", "date": "2019-05", "date_is": "signed",
                "summary": "Limits something.", "summary_es": "Limita algo.", "sources": ["a"]
            })
        };
        let set = |js: &mut Vec<serde_json::Value>, fips: &str, extra: serde_json::Value| {
            let j = js.iter_mut().find(|j| j["id"] == fips).unwrap();
            for (k, v) in extra.as_object().unwrap() {
                j[k] = v.clone();
            }
        };
        set(
            &mut jurisdictions,
            "06",
            serde_json::json!({"status": "reviewed", "policies": [limit("enforcement_assistance")]}),
        );
        set(
            &mut jurisdictions,
            "36",
            serde_json::json!({"status": "reviewed", "policies": [
                limit("information_sharing"), limit("courthouse_arrests"), limit("civil_detainers")
            ]}),
        );
        set(
            &mut jurisdictions,
            "17",
            serde_json::json!({"status": "reviewed", "policies": [
                limit("civil_detainers"), limit("detention_contracts"), limit("civil_detainers")
            ]}),
        );
        set(
            &mut jurisdictions,
            "56",
            serde_json::json!({"status": "none_found", "status_sources": ["b"]}),
        );
        let mut ban = limit("state_preemption");
        ban["stance"] = "requires_cooperation".into();
        set(
            &mut jurisdictions,
            "48",
            serde_json::json!({"status": "reviewed", "policies": [ban]}),
        );
        set(
            &mut jurisdictions,
            "10",
            serde_json::json!({"designations": [
                {"by": "US Department of Justice", "what": "Listed.", "what_es": "Figura en la lista.", "date": "2025-08-05", "sources": ["b"]}
            ]}),
        );
        jurisdictions.push(serde_json::json!({"id": "06037", "kind": "county", "name": "Los Angeles County", "name_es": "Condado de Los Ángeles", "status": "unknown"}));
        jurisdictions.push(serde_json::json!({
            "id": "los-angeles-ca", "kind": "city", "name": "Los Angeles", "name_es": "Los Ángeles", "state": "06",
            "lon": -118.2437, "lat": 34.0522, "status": "reviewed",
            "policies": [limit("status_inquiries")],
            "notes": [{"text": "A note.", "text_es": "Una nota.", "sources": ["a"]}]
        }));
        serde_json::from_value(serde_json::json!({
            "as_of": "2025-08-05",
            "jurisdictions": jurisdictions,
            "sources": [
                {"id": "a", "publisher": "P", "title": "T", "date": "2019-05-21"},
                {"id": "b", "publisher": "P", "title": "T", "date": "2025-08-05", "url": "https://example.org/b"}
            ]
        }))
        .unwrap()
    }

    fn messages(d: &Dataset) -> Vec<String> {
        d.validate().iter().map(ToString::to_string).collect()
    }

    fn j<'a>(d: &'a mut Dataset, id: &str) -> &'a mut Jurisdiction {
        d.jurisdictions.iter_mut().find(|j| j.id == id).unwrap()
    }

    fn index(d: &Dataset, id: &str) -> usize {
        d.jurisdictions.iter().position(|j| j.id == id).unwrap()
    }

    #[test]
    fn good_data_has_no_problems() {
        assert_eq!(messages(&dataset()), Vec::<String>::new());
    }

    #[test]
    fn derives_each_tier() {
        let d = dataset();
        assert_eq!(d.tier("06"), Some(Tier::Broad), "a general limit is broad");
        assert_eq!(
            d.tier("36"),
            Some(Tier::Broad),
            "three dimensions are broad"
        );
        assert_eq!(
            d.tier("17"),
            Some(Tier::Limited),
            "two distinct dimensions are limited"
        );
        assert_eq!(d.tier("56"), Some(Tier::NoneKnown));
        assert_eq!(d.tier("48"), Some(Tier::Bans));
        assert_eq!(d.tier("01"), Some(Tier::Unknown));
        assert_eq!(
            d.tier("10"),
            Some(Tier::Unknown),
            "a designation does not change the tier"
        );
        assert_eq!(
            d.tier("los-angeles-ca"),
            Some(Tier::Limited),
            "a city's own policies only"
        );
        assert_eq!(d.tier("06037"), Some(Tier::Unknown), "not the state's tier");
        assert_eq!(d.tier("nowhere"), None);
    }

    #[test]
    fn one_specific_dimension_is_limited_and_secondary_counts() {
        let mut d = dataset();
        let il = j(&mut d, "17");
        il.policies.truncate(1);
        il.policies[0].confidence = Confidence::Secondary;
        assert_eq!(d.tier("17"), Some(Tier::Limited));
        assert_eq!(messages(&d), Vec::<String>::new());
    }

    #[test]
    fn a_tier_that_cannot_be_derived_is_unknown_and_a_problem() {
        let mut d = dataset();
        let tx = j(&mut d, "48");
        let ban = tx.policies[0].clone();
        j(&mut d, "06").policies.push(ban);
        let at = index(&d, "06");
        assert_eq!(d.tier("06"), Some(Tier::Unknown));
        assert_eq!(
            messages(&d),
            [format!(
                "jurisdictions[{at}].status: the tier cannot be derived: some policies limit cooperation and some require it"
            )]
        );
    }

    #[test]
    fn status_must_agree_with_policies() {
        let mut d = dataset();
        j(&mut d, "17").policies.clear();
        let ca = j(&mut d, "06");
        ca.status = Status::Unknown;
        let wy = j(&mut d, "56");
        wy.status_sources.clear();
        let mut moved = d.jurisdictions[index(&d, "36")].policies.clone();
        let ak = j(&mut d, "02");
        ak.status = Status::NoneFound;
        ak.status_sources = vec!["b".into()];
        ak.policies.append(&mut moved);
        let al = j(&mut d, "01");
        al.status_sources = vec!["b".into()];
        let (ca, il, wy, ak, al) = (
            index(&d, "06"),
            index(&d, "17"),
            index(&d, "56"),
            index(&d, "02"),
            index(&d, "01"),
        );
        assert_eq!(d.tier("06"), Some(Tier::Unknown));
        let mut m = messages(&d);
        m.sort();
        let mut want = vec![
            format!("jurisdictions[{al}].status_sources: only status = \"none_found\" takes status_sources"),
            format!("jurisdictions[{ak}].status: the tier cannot be derived: status is \"none_found\" but policies are listed: use status = \"reviewed\""),
            format!("jurisdictions[{ca}].status: the tier cannot be derived: status is \"unknown\" but policies are listed: use status = \"reviewed\""),
            format!("jurisdictions[{il}].status: the tier cannot be derived: status is \"reviewed\" but no policies are listed: list them, or use status = \"none_found\" (with status_sources) or \"unknown\""),
            format!("jurisdictions[{wy}].status: the tier cannot be derived: status is \"none_found\" without status_sources: cite a source that says no law was found, or use status = \"unknown\""),
        ];
        want.sort();
        assert_eq!(m, want);
    }

    #[test]
    fn an_outline_keeps_every_tier_name_and_point_and_no_words() {
        let full = dataset().with_points();
        let o = full.outline();
        assert!(o.outline && !full.outline);
        assert_eq!(o.as_of, full.as_of);
        assert_eq!(o.jurisdictions.len(), full.jurisdictions.len());
        for (a, b) in full.jurisdictions.iter().zip(&o.jurisdictions) {
            assert_eq!((&a.id, a.kind, a.status), (&b.id, b.kind, b.status));
            assert_eq!(a.tier(), b.tier(), "{}", a.id);
            for lang in [Lang::En, Lang::Es] {
                assert_eq!(a.name_in(lang), b.name_in(lang), "{}", a.id);
            }
            assert_eq!((a.state_fips(), a.at), (b.state_fips(), b.at), "{}", a.id);
            assert_eq!(a.limited_dimensions(), b.limited_dimensions(), "{}", a.id);
            assert!(b.designations.is_empty() && b.notes.is_empty());
            assert!(b.policies.len() <= a.policies.len());
            for p in &b.policies {
                assert!(p.law.is_empty() && p.summary.is_empty() && p.summary_es.is_none());
                assert!(p.sources.is_empty() && p.events.is_empty() && p.number.is_none());
            }
        }
        assert!(o.sources.is_empty());
        // Illinois: two civil-detainer laws are one in the outline; still limited.
        assert_eq!(o.jurisdiction("17").unwrap().policies.len(), 2);
        assert_eq!(o.tier("17"), Some(Tier::Limited));
        assert!(o.jurisdiction("los-angeles-ca").unwrap().at.is_some());
        // Layers still pair a city with its state.
        let layers: Vec<&str> = o
            .layers("los-angeles-ca")
            .iter()
            .map(|l| l.jurisdiction.id.as_str())
            .collect();
        assert_eq!(layers, ["los-angeles-ca", "06"]);
        assert_eq!(o.with_points(), o, "an outline keeps its points");
    }

    #[test]
    fn layers_are_own_then_state() {
        let d = dataset();
        let ids = |id: &str| -> Vec<(String, Tier)> {
            d.layers(id)
                .iter()
                .map(|l| (l.jurisdiction.id.clone(), l.tier))
                .collect()
        };
        let s = String::from;
        assert_eq!(
            ids("06037"),
            [(s("06037"), Tier::Unknown), (s("06"), Tier::Broad)]
        );
        assert_eq!(
            ids("los-angeles-ca"),
            [(s("los-angeles-ca"), Tier::Limited), (s("06"), Tier::Broad)]
        );
        assert_eq!(ids("06"), [(s("06"), Tier::Broad)]);
        assert!(d.layers("nowhere").is_empty());

        // A county on the map but not in the data: not reviewed, under its state's law.
        let fresno = Jurisdiction::unreviewed("06019", Kind::County, "Fresno County");
        let layers: Vec<(&str, Tier)> = d
            .layers_of(&fresno)
            .iter()
            .map(|l| (l.jurisdiction.id.as_str(), l.tier))
            .collect();
        assert_eq!(layers, [("06019", Tier::Unknown), ("06", Tier::Broad)]);
    }

    #[test]
    fn finds_states_counties_and_cities() {
        let d = dataset();
        assert_eq!(d.states().count(), 51);
        assert_eq!(
            d.counties_of("06")
                .map(|j| j.id.as_str())
                .collect::<Vec<_>>(),
            ["06037"]
        );
        assert_eq!(
            d.cities_of("06").map(|j| j.id.as_str()).collect::<Vec<_>>(),
            ["los-angeles-ca"]
        );
        assert_eq!(d.locals_of("06").count(), 2);
        assert_eq!(d.locals_of("48").count(), 0);
        assert_eq!(d.jurisdiction("06037").unwrap().state_fips(), Some("06"));
        assert_eq!(
            d.jurisdiction("los-angeles-ca")
                .unwrap()
                .state_info()
                .unwrap()
                .postal,
            "CA"
        );
        assert_eq!(
            d.source("b").unwrap().url.as_deref(),
            Some("https://example.org/b")
        );
    }

    #[test]
    fn the_state_table_is_complete() {
        assert_eq!(STATES.len(), 51);
        let fips: HashSet<&str> = STATES.iter().map(|s| s.fips).collect();
        let postal: HashSet<&str> = STATES.iter().map(|s| s.postal).collect();
        assert_eq!((fips.len(), postal.len()), (51, 51));
        assert_eq!(state_by_fips("06").unwrap().name, "California");
        assert_eq!(
            state_by_fips("37").unwrap().name_in(Lang::Es),
            "Carolina del Norte"
        );
        assert_eq!(
            state_by_fips("37").unwrap().name_in(Lang::En),
            "North Carolina"
        );
        for s in &STATES {
            assert!(!s.name_es.trim().is_empty(), "{}", s.name);
        }
        let es: HashSet<&str> = STATES.iter().map(|s| s.name_es).collect();
        assert_eq!(es.len(), 51, "Spanish state names are distinct");
        assert_eq!(state_by_postal("DC").unwrap().fips, "11");
        assert!(
            state_by_fips("72").is_none(),
            "Puerto Rico is not on the map"
        );
    }

    #[test]
    fn names_duplicate_ids() {
        let mut d = dataset();
        let mut copy = d.jurisdictions[index(&d, "06037")].clone();
        copy.name = "Again".into();
        d.jurisdictions.push(copy);
        let (first, last) = (index(&d, "06037"), d.jurisdictions.len() - 1);
        assert_eq!(
            messages(&d),
            [format!("jurisdictions[{last}].id: duplicate jurisdiction id \"06037\" (also jurisdictions[{first}])")]
        );
    }

    #[test]
    fn names_unknown_fips_codes() {
        let mut d = dataset();
        let county = index(&d, "06037");
        d.jurisdictions[county].id = "6037".into();
        let mut wrong_state = d.jurisdictions[county].clone();
        wrong_state.id = "03001".into();
        d.jurisdictions.push(wrong_state);
        let mut puerto_rico = d.jurisdictions[index(&d, "01")].clone();
        puerto_rico.id = "72".into();
        d.jurisdictions.push(puerto_rico);
        let n = d.jurisdictions.len();
        assert_eq!(
            messages(&d),
            [
                format!("jurisdictions[{county}].id: \"6037\" is not a county FIPS code: use five digits, the state's two and the county's three (e.g. \"06037\")"),
                format!("jurisdictions[{}].id: county \"03001\": \"03\" is not the FIPS code of a state or DC", n - 2),
                format!("jurisdictions[{}].id: \"72\" is not the FIPS code of a state or DC: use two digits, e.g. \"06\" for California", n - 1),
            ]
        );
    }

    #[test]
    fn names_missing_states() {
        let mut d = dataset();
        d.jurisdictions.retain(|j| j.id != "56" && j.id != "11");
        assert_eq!(
            messages(&d),
            [
                "jurisdictions: missing state: District of Columbia (\"11\"); list every state and DC, with status = \"unknown\" if its laws were not reviewed",
                "jurisdictions: missing state: Wyoming (\"56\"); list every state and DC, with status = \"unknown\" if its laws were not reviewed",
            ]
        );
    }

    #[test]
    fn checks_city_coordinates() {
        let mut d = dataset();
        let at = index(&d, "los-angeles-ca");
        j(&mut d, "los-angeles-ca").lat = None;
        assert_eq!(
            messages(&d),
            [format!(
                "jurisdictions[{at}]: a city needs coordinates: `lon` and `lat`, in degrees"
            )]
        );

        let la = j(&mut d, "los-angeles-ca");
        (la.lon, la.lat) = (Some(34.0522), Some(-118.2437));
        assert_eq!(
            messages(&d),
            [format!("jurisdictions[{at}].lon: lon = 34.0522, lat = -118.2437 is outside the United States on the map (lower 48, Alaska, Hawaii): check the signs and that lon and lat are not swapped")]
        );

        for (lon, lat) in [(2.35, 48.85), (-66.1, 18.4), (f64::NAN, 34.0)] {
            assert!(!in_us(lon, lat), "{lon}, {lat}");
        }
        for (lon, lat) in [
            (-74.006, 40.7128),
            (-149.9, 61.2),
            (-157.86, 21.31),
            (-80.19, 25.76),
        ] {
            assert!(in_us(lon, lat), "{lon}, {lat}");
        }
    }

    #[test]
    fn cities_get_their_map_point_when_packed_and_editors_cannot_write_it() {
        let d = dataset();
        let with = d.with_points();
        let albers = crate::projection::AlbersUsa::us_atlas();
        let mut cities = 0;
        for (before, after) in d.jurisdictions.iter().zip(&with.jurisdictions) {
            assert_eq!(before.at, None, "{}", before.id);
            if after.kind == Kind::City {
                cities += 1;
                let (x, y) = albers
                    .project(after.lon.unwrap(), after.lat.unwrap())
                    .unwrap();
                assert_eq!(after.at, Some([x as f32, y as f32]), "{}", after.id);
            } else {
                assert_eq!(after.at, None, "{}", after.id);
            }
        }
        assert!(cities > 0);
        // Los Angeles is in the lower 48's frame, left of the middle and below the top third.
        let la = with.jurisdiction("los-angeles-ca").unwrap().at.unwrap();
        assert!(
            (0.0..487.5).contains(&la[0]) && (203.0..610.0).contains(&la[1]),
            "{la:?}"
        );

        let mut d = dataset();
        let at = index(&d, "los-angeles-ca");
        j(&mut d, "los-angeles-ca").at = Some([1.0, 2.0]);
        assert_eq!(
            messages(&d),
            [format!("jurisdictions[{at}].at: `at` is not written by hand: the map's point is worked out from `lon` and `lat`")]
        );
    }

    #[test]
    fn only_cities_have_coordinates_and_a_state() {
        let mut d = dataset();
        let at = index(&d, "06037");
        let county = j(&mut d, "06037");
        county.lon = Some(-118.2);
        county.state = Some("06".into());
        assert_eq!(
            messages(&d),
            [
                format!("jurisdictions[{at}].state: only cities have `state`: a county's state is the first two digits of its FIPS code"),
                format!("jurisdictions[{at}].lon: only cities have coordinates: states and counties are drawn from the map's shapes"),
            ]
        );
    }

    #[test]
    fn a_city_needs_a_known_state_matching_its_id() {
        let mut d = dataset();
        let at = index(&d, "los-angeles-ca");
        j(&mut d, "los-angeles-ca").state = Some("36".into());
        assert_eq!(
            messages(&d),
            [format!("jurisdictions[{at}].id: a city's id ends with its state's postal code: \"los-angeles-ca\" should end with \"-ny\"")]
        );
        j(&mut d, "los-angeles-ca").state = Some("99".into());
        assert_eq!(
            messages(&d),
            [format!("jurisdictions[{at}].state: \"99\" is not the FIPS code of a state or DC: use two digits, e.g. \"06\" for California")]
        );
        j(&mut d, "los-angeles-ca").state = None;
        assert_eq!(
            messages(&d),
            [format!("jurisdictions[{at}]: a city needs `state`, the FIPS code of its state (e.g. state = \"06\")")]
        );
    }

    #[test]
    fn names_policies_without_sources_and_unknown_sources() {
        let mut d = dataset();
        let (ca, ny) = (index(&d, "06"), index(&d, "36"));
        j(&mut d, "06").policies[0].sources.clear();
        j(&mut d, "36").policies[2].sources = vec!["a".into(), "zz".into()];
        assert_eq!(
            messages(&d),
            [
                format!("jurisdictions[{ca}].policies[0].sources: every policy needs at least one source"),
                format!("jurisdictions[{ny}].policies[2].sources[1]: unknown source \"zz\": add it to [[sources]] or fix the id"),
            ]
        );
    }

    #[test]
    fn names_uncited_sources() {
        let mut d = dataset();
        j(&mut d, "56").status_sources = vec!["a".into()];
        j(&mut d, "10").designations.clear();
        assert_eq!(
            messages(&d),
            ["sources[1].id: source \"b\" is not cited by anything"]
        );
    }

    #[test]
    fn checks_events_notes_and_designations() {
        let mut d = dataset();
        let (la, de) = (index(&d, "los-angeles-ca"), index(&d, "10"));
        let city = j(&mut d, "los-angeles-ca");
        city.notes[0].text = "Two\nlines".into();
        city.policies[0].events.push(Event {
            date: Date::parse("2026-01").unwrap(),
            what: "Took effect.".into(),
            what_es: Some("Entró en vigor.".into()),
            sources: vec![],
            confidence: Confidence::Secondary,
        });
        j(&mut d, "10").designations[0].sources = vec!["nope".into()];
        assert_eq!(
            messages(&d),
            [
                format!("jurisdictions[{de}].designations[0].sources[0]: unknown source \"nope\": add it to [[sources]] or fix the id"),
                format!("jurisdictions[{la}].policies[0].events[0].date: 2026-01 is after the data's as_of date (2025-08-05): update as_of or fix the date"),
                format!("jurisdictions[{la}].policies[0].events[0].sources: every event needs at least one source"),
                format!("jurisdictions[{la}].notes[0].text: must be one line"),
            ]
        );
    }

    #[test]
    fn every_sentence_needs_its_spanish_translation() {
        let mut d = dataset();
        let (ca, de, la) = (
            index(&d, "06"),
            index(&d, "10"),
            index(&d, "los-angeles-ca"),
        );
        j(&mut d, "06").policies[0].summary_es = None;
        j(&mut d, "10").designations[0].what_es = Some("  ".into());
        let city = j(&mut d, "los-angeles-ca");
        city.notes[0].text_es = Some(String::new());
        city.policies[0].events.push(Event {
            date: Date::parse("2025-01").unwrap(),
            what: "Took effect.".into(),
            what_es: None,
            sources: vec!["a".into()],
            confidence: Confidence::Vetted,
        });
        city.policies[0].summary_es = Some("Dos\nlíneas".into());
        assert_eq!(
            messages(&d),
            [
                format!("jurisdictions[{ca}].policies[0].summary_es: missing Spanish translation"),
                format!("jurisdictions[{de}].designations[0].what_es: missing Spanish translation"),
                format!("jurisdictions[{la}].policies[0].summary_es: must be one line"),
                format!("jurisdictions[{la}].policies[0].events[0].what_es: missing Spanish translation"),
                format!("jurisdictions[{la}].notes[0].text_es: missing Spanish translation"),
            ]
        );
    }

    #[test]
    fn name_es_only_where_spanish_differs() {
        let mut d = dataset();
        let (ny, county, la) = (
            index(&d, "36"),
            index(&d, "06037"),
            index(&d, "los-angeles-ca"),
        );
        j(&mut d, "36").name_es = Some("Nueva York".into());
        j(&mut d, "06037").name_es = Some("Los Angeles County".into());
        j(&mut d, "los-angeles-ca").name_es = Some(" ".into());
        assert_eq!(
            messages(&d),
            [
                format!("jurisdictions[{ny}].name_es: a state's Spanish name comes from STATES in core/src/policy.rs: leave name_es out"),
                format!("jurisdictions[{county}].name_es: the same as name: leave name_es out when the Spanish name is the same"),
                format!("jurisdictions[{la}].name_es: must not be empty: leave name_es out when the Spanish name is the same"),
            ]
        );
    }

    #[test]
    fn reads_text_and_names_in_each_language() {
        let mut d = dataset();
        let ca = &d.jurisdictions[index(&d, "06")];
        assert_eq!(ca.policies[0].summary_in(Lang::En), "Limits something.");
        assert_eq!(ca.policies[0].summary_in(Lang::Es), "Limita algo.");
        let de = &d.jurisdictions[index(&d, "10")];
        assert_eq!(de.designations[0].what_in(Lang::En), "Listed.");
        assert_eq!(de.designations[0].what_in(Lang::Es), "Figura en la lista.");
        let la = &d.jurisdictions[index(&d, "los-angeles-ca")];
        assert_eq!(la.notes[0].text_in(Lang::En), "A note.");
        assert_eq!(la.notes[0].text_in(Lang::Es), "Una nota.");

        let name =
            |d: &Dataset, id: &str, lang| d.jurisdiction(id).unwrap().name_in(lang).to_owned();
        assert_eq!(name(&d, "los-angeles-ca", Lang::En), "Los Angeles");
        assert_eq!(name(&d, "los-angeles-ca", Lang::Es), "Los Ángeles");
        assert_eq!(name(&d, "06037", Lang::Es), "Condado de Los Ángeles");
        assert_eq!(name(&d, "36", Lang::En), "New York");
        assert_eq!(name(&d, "36", Lang::Es), "Nueva York", "from STATES");
        assert_eq!(name(&d, "11", Lang::Es), "Distrito de Columbia");
        assert_eq!(name(&d, "06", Lang::Es), "California");

        // A missing translation (refused by validate) falls back to the English, never to "".
        let city = j(&mut d, "los-angeles-ca");
        city.name_es = None;
        city.notes[0].text_es = Some(" ".into());
        city.policies[0].summary_es = None;
        city.policies[0].events.push(Event {
            date: Date::parse("2025-01").unwrap(),
            what: "Took effect.".into(),
            what_es: None,
            sources: vec!["a".into()],
            confidence: Confidence::Vetted,
        });
        let city = d.jurisdiction("los-angeles-ca").unwrap();
        assert_eq!(city.name_in(Lang::Es), "Los Angeles");
        assert_eq!(city.notes[0].text_in(Lang::Es), "A note.");
        assert_eq!(city.policies[0].summary_in(Lang::Es), "Limits something.");
        assert_eq!(city.policies[0].events[0].what_in(Lang::Es), "Took effect.");
    }

    #[test]
    fn spanish_fields_are_optional_in_content_files() {
        let note: Note = serde_json::from_str(r#"{"text":"A note.","sources":["a"]}"#).unwrap();
        assert_eq!(note.text_es, None);
        // Written out, every field is there (the packed form has no names, so none is
        // skipped): an absent one as null, which reads back as absent.
        let written = serde_json::to_string(&note).unwrap();
        assert!(written.contains(r#""text_es":null"#), "{written}");
        assert_eq!(serde_json::from_str::<Note>(&written).unwrap(), note);
        let d = dataset();
        let json = serde_json::to_value(&d).unwrap();
        let city = &json["jurisdictions"][index(&d, "los-angeles-ca")];
        assert_eq!(city["name_es"], "Los Ángeles");
        assert_eq!(city["notes"][0]["text_es"], "Una nota.");
        assert_eq!(city["policies"][0]["summary_es"], "Limita algo.");
        assert!(json["jurisdictions"][index(&d, "06")]["name_es"].is_null());
    }

    #[test]
    fn state_preemption_is_a_state_ban() {
        let mut d = dataset();
        let at = index(&d, "los-angeles-ca");
        let city = j(&mut d, "los-angeles-ca");
        city.policies[0].dimension = Dimension::StatePreemption;
        assert_eq!(
            messages(&d),
            [
                format!("jurisdictions[{at}].policies[0].dimension: state_preemption is a state law: only a state can have it"),
                format!("jurisdictions[{at}].policies[0].stance: state_preemption is a state law banning sanctuary policies: its stance is \"requires_cooperation\""),
            ]
        );
    }

    #[test]
    fn compares_dates_at_the_shared_precision() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert!(!is_after(d("2025-08"), d("2025-08-05")));
        assert!(!is_after(d("2025"), d("2025-08-05")));
        assert!(is_after(d("2025-08-06"), d("2025-08-05")));
        assert!(is_after(d("2025-09"), d("2025-08-05")));
        assert!(is_after(d("2026"), d("2025-08-05")));
        assert!(!is_after(d("2025-08-05"), d("2025-08-05")));
    }

    #[test]
    fn serde_refuses_unknown_fields_and_names() {
        let bad =
            r#"{"id":"06","kind":"state","name":"California","status":"unknown","tier":"broad"}"#;
        let e = serde_json::from_str::<Jurisdiction>(bad)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `tier`"), "{e}");
        let bad = r#"{"id":"06","kind":"state","name":"California","status":"sanctuary"}"#;
        let e = serde_json::from_str::<Jurisdiction>(bad)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown variant `sanctuary`"), "{e}");
        let d = dataset();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Dataset>(&json).unwrap(), d);
        assert_eq!(
            serde_json::to_value(Dimension::Agreements287g).unwrap(),
            "agreements_287g"
        );
        for dim in Dimension::ALL {
            assert_eq!(serde_json::to_value(dim).unwrap(), dim.key());
        }
    }

    #[cfg(feature = "build")]
    #[test]
    fn the_real_data_loads_without_problems() {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/jurisdictions.toml");
        let text = std::fs::read_to_string(file).unwrap();
        let d = match crate::toml_file::load::<Dataset>(file, &text, Dataset::validate) {
            Ok(d) => d,
            Err(problems) => {
                let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
                panic!("{} problem(s):\n{}", list.len(), list.join("\n"));
            }
        };
        for id in ["los-angeles-ca", "06037", "06", "new-york-ny"] {
            assert!(d.jurisdiction(id).is_some(), "{id} is missing");
        }
        assert_eq!(
            d.tier("06"),
            Some(Tier::ALL[0]),
            "California has the strongest tier"
        );
        assert_eq!(d.tier("48"), Some(Tier::Bans));
        assert_eq!(
            d.tier("06037"),
            Some(Tier::Unknown),
            "LA County's own policies are unknown"
        );
        let layers: Vec<Tier> = d.layers("06037").iter().map(|l| l.tier).collect();
        assert_eq!(
            layers,
            [Tier::Unknown, Tier::Broad],
            "LA County is covered by SB 54"
        );
        assert_eq!(d.tier("new-york-ny"), Some(Tier::Unknown));
        assert_eq!(
            d.tier("10"),
            Some(Tier::Unknown),
            "Delaware's designation does not set a tier"
        );
        assert_eq!(d.states().count(), 51);
        let es = |id: &str| d.jurisdiction(id).unwrap().name_in(Lang::Es).to_owned();
        assert_eq!(es("los-angeles-ca"), "Los Ángeles");
        assert_eq!(es("06037"), "Condado de Los Ángeles");
        assert_eq!(es("36"), "Nueva York");
        let la = d.jurisdiction("los-angeles-ca").unwrap();
        assert!(la.policies[0].summary_in(Lang::Es) != la.policies[0].summary);
    }
}
