//! Reads packed content without serde: postcard's wire format, for exactly this crate's model.
//!
//! The widget's wasm decodes packed content and nothing else, and serde's generic
//! deserializers for a dozen types were 13.6 KB of it; this reader is a fraction of that. The
//! writer stays postcard ([`super::pack`]), so the two must agree, and the tests check that
//! they do: every model type written by postcard reads back equal here (our content and a
//! model with every field and variant in use), and for every enum each tag postcard accepts
//! is accepted here and no other.
//!
//! The format, as postcard writes our types: integers wider than a byte (`u16`, lengths, enum
//! tags) are LEB128 varints, `u8` is one byte, `f32`/`f64` little-endian, a string is its
//! length and UTF-8, an `Option` a byte 0 or 1 and the value, a `Vec` its length and its
//! items, an array its items, a struct its fields in declaration order, a unit enum variant
//! its index. A field added to a struct must be added to its list below (the compiler says so:
//! the struct literal is incomplete); a field moved must move here too (the tests say so).

use crate::content::{Question, Source, Story};
use crate::date::Date;
use crate::i18n::Lang;
use crate::panels::Panels;
use crate::policy::{
    Confidence, Dataset, DateIs, Designation, Dimension, Event, Jurisdiction, Kind, Note, Policy,
    Stance, Status,
};

/// What is left to read, and whether a read has failed. A failed read returns a placeholder and
/// empties the input, and [`read_all`] then refuses the whole value: reads never return early,
/// so the code has no path that drops a half-read struct (those paths were most of a reader
/// that stopped at the first error).
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
    failed: bool,
}

impl<'a> Reader<'a> {
    fn fail(&mut self) {
        self.failed = true;
        self.rest = &[];
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        if n > self.rest.len() {
            self.fail();
            return &[];
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        head
    }

    /// A varint of at most `bytes` bytes and at most `max` (0 when it is not one).
    fn varint(&mut self, bytes: u32, max: u32) -> u32 {
        let mut value: u64 = 0;
        for i in 0..bytes {
            let Some(&b) = self.take(1).first() else {
                return 0;
            };
            value |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                if value <= u64::from(max) {
                    return value as u32;
                }
                break;
            }
        }
        self.fail();
        0
    }

    /// A length: never more than the bytes left (every item takes at least one), so a corrupt
    /// length cannot make a reader allocate or loop beyond its input.
    fn len(&mut self) -> usize {
        let n = self.varint(5, u32::MAX) as usize;
        if n > self.rest.len() {
            self.fail();
            return 0;
        }
        n
    }
}

/// A type read from packed bytes (a placeholder, and the reader failed, if they do not hold one).
pub(crate) trait Unpack: Sized {
    fn read(r: &mut Reader) -> Self;
}

impl Unpack for u8 {
    fn read(r: &mut Reader) -> Self {
        r.take(1).first().copied().unwrap_or(0)
    }
}

impl Unpack for u16 {
    fn read(r: &mut Reader) -> Self {
        r.varint(3, u16::MAX.into()) as u16
    }
}

impl Unpack for f32 {
    fn read(r: &mut Reader) -> Self {
        r.take(4).try_into().map_or(0.0, f32::from_le_bytes)
    }
}

impl Unpack for f64 {
    fn read(r: &mut Reader) -> Self {
        r.take(8).try_into().map_or(0.0, f64::from_le_bytes)
    }
}

impl Unpack for String {
    fn read(r: &mut Reader) -> Self {
        let n = r.len();
        match std::str::from_utf8(r.take(n)) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                r.fail();
                String::new()
            }
        }
    }
}

impl<T: Unpack> Unpack for Option<T> {
    fn read(r: &mut Reader) -> Self {
        match u8::read(r) {
            0 => None,
            1 => Some(T::read(r)),
            _ => {
                r.fail();
                None
            }
        }
    }
}

impl<T: Unpack> Unpack for Vec<T> {
    /// A plain loop, not `(0..n).map(..).collect()`: the iterator's adapters are their own
    /// functions for every `T`, which V8 compiles one by one when the content is first read.
    /// `n` is at most the bytes left (`Reader::len`), so the allocation is bounded by the input.
    fn read(r: &mut Reader) -> Self {
        let n = r.len();
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::read(r));
        }
        out
    }
}

impl<T: Unpack> Unpack for [T; 2] {
    fn read(r: &mut Reader) -> Self {
        [T::read(r), T::read(r)]
    }
}

impl Unpack for Date {
    fn read(r: &mut Reader) -> Self {
        let (year, month, day) = (u16::read(r), u8::read(r), u8::read(r));
        Date::from_packed(year, month, day).unwrap_or_else(|| {
            r.fail();
            Date {
                year,
                month: None,
                day: None,
            }
        })
    }
}

/// Structs: their fields, in the order the struct declares them (postcard's order).
macro_rules! structs {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Unpack for $ty {
            fn read(r: &mut Reader) -> Self {
                // A struct expression evaluates its fields in the order written.
                $ty { $($field: Unpack::read(r)),* }
            }
        }
    )*};
}

/// Not in the macro: `outline` is not written ([`Dataset::outline`]; `unpack` sets it).
impl Unpack for Dataset {
    fn read(r: &mut Reader) -> Self {
        Dataset {
            as_of: Unpack::read(r),
            jurisdictions: Unpack::read(r),
            sources: Unpack::read(r),
            outline: false,
        }
    }
}

/// A newsroom's data file as the validator packs it ([`super::pack_newsroom_data`]): its outline,
/// and its panels in each language.
impl Unpack for (Dataset, Vec<Panels>) {
    fn read(r: &mut Reader) -> Self {
        (Unpack::read(r), Unpack::read(r))
    }
}

/// Unit enums: the variant whose index (`as u32`: declaration order) is the tag read.
macro_rules! enums {
    ($($ty:ident [$first:ident $(, $variant:ident)* $(,)?])*) => {$(
        impl Unpack for $ty {
            fn read(r: &mut Reader) -> Self {
                let tag = r.varint(5, u32::MAX);
                match [$ty::$first $(, $ty::$variant)*].into_iter().find(|v| *v as u32 == tag) {
                    Some(v) => v,
                    None => {
                        r.fail();
                        $ty::$first
                    }
                }
            }
        }
    )*};
}

structs! {
    Story { id, lang, kicker, title, dek, as_of, questions, sources }
    Question { id, question, answer, sources, jurisdictions }
    Source { id, publisher, title, date, url }
    Jurisdiction {
        id, kind, name, name_es, state, lon, lat, at, status, status_sources, policies,
        designations, notes,
    }
    Policy {
        dimension, stance, law, number, date, date_is, summary, summary_es, sources, confidence,
        events,
    }
    Event { date, what, what_es, sources, confidence }
    Designation { by, what, what_es, date, sources }
    Note { text, text_es, sources }
    Panels { lang, ids, laws, as_state, extra, table, css }
}

enums! {
    Lang [En, Es]
    Kind [State, County, City]
    Status [Reviewed, NoneFound, Unknown]
    Dimension [
        EnforcementAssistance, CivilDetainers, StatusInquiries, InformationSharing, JailAccess,
        Agreements287g, DetentionContracts, CourthouseArrests, StatePreemption,
    ]
    Stance [LimitsCooperation, RequiresCooperation]
    DateIs [Signed, Enacted, Passed, Adopted, Issued]
    Confidence [Vetted, Secondary]
}

/// Reads one `T` that fills `bytes` exactly.
pub(crate) fn read_all<T: Unpack>(bytes: &[u8]) -> Result<T, &'static str> {
    let mut r = Reader {
        rest: bytes,
        failed: false,
    };
    let value = T::read(&mut r);
    if r.failed {
        Err("packed content: not this build's format")
    } else if !r.rest.is_empty() {
        Err("packed content: bytes left over")
    } else {
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{de::DeserializeOwned, Serialize};
    use std::fmt::Debug;

    fn same<T: Unpack + Serialize + PartialEq + Debug>(value: &T) {
        let bytes = postcard::to_allocvec(value).unwrap();
        assert_eq!(read_all::<T>(&bytes).as_ref(), Ok(value));
        // Every shorter prefix is refused, never read as something else.
        for end in 0..bytes.len() {
            assert!(
                read_all::<T>(&bytes[..end]).is_err(),
                "{end} of {}",
                bytes.len()
            );
        }
    }

    /// For each one-byte tag, this reader and serde's agree on whether it is a variant, and which.
    fn same_tags<T: Unpack + DeserializeOwned + PartialEq + Debug>() {
        for tag in 0..=127u8 {
            let serde = postcard::from_bytes::<T>(&[tag]).ok();
            assert_eq!(read_all::<T>(&[tag]).ok(), serde, "tag {tag}");
        }
    }

    #[test]
    fn read_agrees_with_postcard_on_every_enum_tag() {
        same_tags::<Lang>();
        same_tags::<Kind>();
        same_tags::<Status>();
        same_tags::<Dimension>();
        same_tags::<Stance>();
        same_tags::<DateIs>();
        same_tags::<Confidence>();
        // A varint tag of two bytes is still a tag (and not one of ours).
        assert!(read_all::<Kind>(&[0x80, 0x01]).is_err());
        assert_eq!(read_all::<Kind>(&[0x81, 0x00]), Ok(Kind::County));
    }

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date::from_packed(y, m, d).unwrap()
    }

    /// A dataset with every field set and every variant in use, each string different.
    fn full_dataset() -> Dataset {
        let s = |x: &str| x.to_string();
        let event = |c: Confidence| Event {
            date: date(2024, 11, 19),
            what: s("vote"),
            what_es: Some(s("votación")),
            sources: vec![s("a"), s("b")],
            confidence: c,
        };
        let is = [
            DateIs::Signed,
            DateIs::Enacted,
            DateIs::Passed,
            DateIs::Adopted,
            DateIs::Issued,
        ];
        let policies = Dimension::ALL
            .iter()
            .enumerate()
            .map(|(i, &dimension)| Policy {
                dimension,
                stance: [Stance::LimitsCooperation, Stance::RequiresCooperation][i % 2],
                law: format!("law {i}"),
                number: (i % 2 == 0).then(|| format!("No. {i}")),
                date: date(2000 + i as u16, 1 + i as u8, 0),
                date_is: is[i % is.len()],
                summary: format!("summary {i}"),
                summary_es: Some(format!("resumen {i}")),
                sources: vec![format!("s{i}")],
                confidence: [Confidence::Vetted, Confidence::Secondary][i % 2],
                events: vec![event(Confidence::Secondary), event(Confidence::Vetted)],
            })
            .collect();
        let j = |id: &str, kind, status| Jurisdiction {
            id: s(id),
            kind,
            name: format!("name {id}"),
            name_es: Some(format!("nombre {id}")),
            state: Some(s("06")),
            lon: Some(-118.25),
            lat: Some(34.05),
            at: Some([120.5, 300.25]),
            status,
            status_sources: vec![s("x"), s("y")],
            policies: Vec::new(),
            designations: vec![Designation {
                by: s("DOJ"),
                what: s("listed"),
                what_es: None,
                date: date(2025, 8, 5),
                sources: vec![s("z")],
            }],
            notes: vec![Note {
                text: s("note"),
                text_es: Some(s("nota")),
                sources: vec![s("n")],
            }],
        };
        let mut state = j("06", Kind::State, Status::Reviewed);
        state.policies = policies;
        let mut city = j("0644000", Kind::City, Status::Unknown);
        (city.name_es, city.lon, city.lat, city.at) = (None, None, None, None);
        Dataset {
            as_of: date(2025, 8, 5),
            jurisdictions: vec![state, j("06037", Kind::County, Status::NoneFound), city],
            sources: vec![Source {
                id: s("a"),
                publisher: s("P"),
                title: s("T"),
                date: date(2024, 0, 0),
                url: Some(s("https://example.org/")),
            }],
            outline: false,
        }
    }

    #[test]
    fn read_agrees_with_postcard_on_a_model_with_every_field_and_variant() {
        same(&full_dataset());
        let story = Story {
            id: s("la"),
            lang: Lang::Es,
            kicker: s("k"),
            title: s("t"),
            dek: s("d"),
            as_of: date(2024, 11, 20),
            questions: vec![Question {
                id: s("q"),
                question: s("¿?"),
                answer: s("a\n\nb"),
                sources: vec![s("a")],
                jurisdictions: vec![s("06037")],
            }],
            sources: full_dataset().sources,
        };
        same(&story);
        fn s(x: &str) -> String {
            x.to_string()
        }
    }

    #[test]
    #[cfg(feature = "build")]
    fn read_agrees_with_postcard_on_our_content() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../content/");
        let data = std::fs::read_to_string(format!("{dir}jurisdictions.toml")).unwrap();
        let data =
            crate::toml_file::load::<Dataset>("jurisdictions.toml", &data, Dataset::validate)
                .unwrap_or_else(|e| panic!("{e:?}"));
        same(&data.with_points());
        for lang in Lang::ALL {
            let name = format!("story.{}.toml", lang.code());
            let text = std::fs::read_to_string(format!("{dir}{name}")).unwrap();
            let story = crate::toml_file::load::<Story>(&name, &text, Story::validate)
                .unwrap_or_else(|e| panic!("{e:?}"));
            same(&story);
        }
    }

    #[test]
    fn read_refuses_what_postcard_would_refuse() {
        // Invalid UTF-8, an Option tag of 2, a date outside the calendar, a u16 too wide.
        assert!(read_all::<String>(&[2, 0xff, 0xfe]).is_err());
        assert!(read_all::<Option<u8>>(&[2, 0]).is_err());
        assert!(read_all::<Date>(&[0xe8, 0x0f, 13, 1]).is_err());
        assert!(read_all::<Date>(&[0xe8, 0x0f, 2, 30]).is_err());
        assert!(read_all::<u16>(&[0xff, 0xff, 0x04]).is_err());
        assert_eq!(read_all::<u16>(&[0xff, 0xff, 0x03]), Ok(u16::MAX));
        // A length beyond the input is refused before anything is allocated for it.
        assert!(read_all::<Vec<u8>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
        assert_eq!(
            read_all::<u8>(&[1, 2]),
            Err("packed content: bytes left over")
        );
    }
}
