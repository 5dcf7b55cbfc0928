//! Dates as sources give them: a year, a year and month, or a full day (ISO 8601 `YYYY`,
//! `YYYY-MM`, `YYYY-MM-DD`). A source that says "June 2023" is stored as `2023-06`, never
//! padded out to an invented day.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Lang;

/// A calendar date of year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

/// Which part of a date the calendar refuses.
#[derive(Debug, PartialEq, Eq)]
enum Invalid {
    Year,
    Month,
    Day,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and checks the calendar.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bad = || {
            DateError(format!(
                "\"{text}\" is not an ISO 8601 date: write YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day"
            ))
        };
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad());
        }
        let year: u16 = parts[0].parse().map_err(|_| bad())?;
        let month: Option<u8> = parts
            .get(1)
            .map(|m| m.parse())
            .transpose()
            .map_err(|_| bad())?;
        let day: Option<u8> = parts
            .get(2)
            .map(|d| d.parse())
            .transpose()
            .map_err(|_| bad())?;
        Date::checked(year, month, day).map_err(|e| {
            DateError(match e {
                Invalid::Year => format!("\"{text}\": year {year} is out of range"),
                Invalid::Month => {
                    format!("\"{text}\": month {} does not exist", month.unwrap_or(0))
                }
                Invalid::Day => format!(
                    "\"{text}\": day {} does not exist in that month",
                    day.unwrap_or(0)
                ),
            })
        })
    }

    /// A date as it is packed: `(year, month, day)`, 0 for an unknown month or day. `None`
    /// outside the calendar.
    pub(crate) fn from_packed(year: u16, month: u8, day: u8) -> Option<Date> {
        let part = |x: u8| (x != 0).then_some(x);
        Date::checked(year, part(month), part(day)).ok()
    }

    /// The calendar's rules, for a parsed date and for a packed one.
    fn checked(year: u16, month: Option<u8>, day: Option<u8>) -> Result<Date, Invalid> {
        if !(1000..=2999).contains(&year) {
            return Err(Invalid::Year);
        }
        match (month, day) {
            (None, Some(_)) => return Err(Invalid::Day),
            (Some(m), _) if !(1..=12).contains(&m) => return Err(Invalid::Month),
            (Some(m), Some(d)) if d == 0 || d > days_in_month(year, m) => return Err(Invalid::Day),
            _ => {}
        }
        Ok(Date { year, month, day })
    }

    /// The date as a reader reads it: "Nov. 19, 2024" (AP style) or "19 de noviembre de 2024".
    pub fn display(&self, lang: Lang) -> String {
        const EN: [&str; 12] = [
            "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec.",
        ];
        const EN_FULL: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const ES: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        let y = self.year;
        match (lang, self.month, self.day) {
            (_, None, _) => y.to_string(),
            (Lang::En, Some(m), None) => format!("{} {y}", EN_FULL[usize::from(m - 1)]),
            (Lang::En, Some(m), Some(d)) => format!("{} {d}, {y}", EN[usize::from(m - 1)]),
            (Lang::Es, Some(m), None) => format!("{} de {y}", ES[usize::from(m - 1)]),
            (Lang::Es, Some(m), Some(d)) => format!("{d} de {} de {y}", ES[usize::from(m - 1)]),
        }
    }
}

impl fmt::Display for Date {
    /// The ISO 8601 form, as written in content files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// In content files (JSON, TOML) a date is its ISO 8601 text. In the packed form the widget
/// decodes (postcard, not human-readable) it is `(year, month or 0, day or 0)`: four bytes,
/// and no text to parse at start-up (the widget's wasm then holds no date parser).
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0)).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let text = String::deserialize(d)?;
            Date::parse(&text).map_err(serde::de::Error::custom)
        } else {
            let (year, month, day) = <(u16, u8, u8)>::deserialize(d)?;
            Date::from_packed(year, month, day)
                .ok_or_else(|| serde::de::Error::custom("a packed date outside the calendar"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_three_precisions() {
        assert_eq!(
            Date::parse("2024-11-19").unwrap(),
            Date {
                year: 2024,
                month: Some(11),
                day: Some(19)
            }
        );
        assert_eq!(
            Date::parse("2023-06").unwrap(),
            Date {
                year: 2023,
                month: Some(6),
                day: None
            }
        );
        assert_eq!(
            Date::parse("1987").unwrap(),
            Date {
                year: 1987,
                month: None,
                day: None
            }
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "",
            "2024/11/19",
            "19-11-2024",
            "2024-1-5",
            "2024-13-01",
            "2023-02-29",
            "2024-04-31",
            "Nov 19, 2024",
            "2024-11-19T00:00",
            "0999",
            "2024-00",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(Date::parse("2024-02-29").is_ok(), "leap day refused");
    }

    #[test]
    fn round_trips_and_displays() {
        for text in ["2024-11-19", "2023-06", "1987"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
        let d = Date::parse("2024-11-19").unwrap();
        assert_eq!(d.display(Lang::En), "Nov. 19, 2024");
        assert_eq!(d.display(Lang::Es), "19 de noviembre de 2024");
        assert_eq!(
            Date::parse("2023-06").unwrap().display(Lang::En),
            "June 2023"
        );
        assert_eq!(
            Date::parse("2025-09").unwrap().display(Lang::Es),
            "septiembre de 2025"
        );
    }

    #[test]
    fn orders_chronologically() {
        assert!(Date::parse("2024-11-19").unwrap() < Date::parse("2024-12-04").unwrap());
    }

    #[test]
    fn packed_as_numbers_and_written_as_text() {
        for text in ["2024", "2023-06", "2024-02-29"] {
            let date = Date::parse(text).unwrap();
            let packed = postcard::to_allocvec(&date).unwrap();
            assert!(packed.len() <= 4, "{text}: {packed:?}");
            assert_eq!(postcard::from_bytes::<Date>(&packed).unwrap(), date);
            assert_eq!(serde_json::to_string(&date).unwrap(), format!("\"{text}\""));
        }
    }

    #[test]
    fn a_packed_date_outside_the_calendar_is_refused() {
        for (y, m, d) in [
            (2024u16, 13u8, 0u8),
            (2023, 2, 29),
            (2024, 4, 31),
            (2024, 0, 5),
            (999, 1, 1),
        ] {
            let packed = postcard::to_allocvec(&(y, m, d)).unwrap();
            assert!(
                postcard::from_bytes::<Date>(&packed).is_err(),
                "{y}-{m}-{d} was accepted"
            );
        }
        let ok = postcard::to_allocvec(&(2024u16, 2u8, 29u8)).unwrap();
        assert!(postcard::from_bytes::<Date>(&ok).is_ok());
    }
}
