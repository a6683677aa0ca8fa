//! The one place that reads the time. Everything else is given a [`Now`]: a check's "first
//! used after this month", a stamp's time, the site's build date. Tests and reproducible builds
//! fix it ([`Now::at`], [`Now::from_unix`]).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A moment, in UTC, to the second.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Now {
    /// `2026-12-06T18:12:36Z`.
    rfc3339: String,
}

impl Now {
    /// The system clock's time.
    #[must_use]
    pub fn system() -> Now {
        Now::from_time(SystemTime::now())
    }

    /// `seconds` after 1970-01-01 UTC (as `SOURCE_DATE_EPOCH` gives it).
    #[must_use]
    pub fn from_unix(seconds: u64) -> Now {
        Now::from_time(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    /// The moment `text` names in RFC 3339 (`2026-12-06T18:12:36Z`), or `None`.
    #[must_use]
    pub fn at(text: &str) -> Option<Now> {
        humantime::parse_rfc3339_weak(text.trim_end_matches('Z'))
            .ok()
            .map(Now::from_time)
    }

    /// Whether `text` is an RFC 3339 date and time: `2024-11-20T15:00:00Z`, with fractions of
    /// a second or an offset (`+01:00`) as the standard allows.
    #[must_use]
    pub fn is_rfc3339(text: &str) -> bool {
        let (stamp, offset) = match text.len().checked_sub(6).and_then(|i| text.get(i..)) {
            Some(tail) if tail.starts_with(['+', '-']) && tail.get(3..4) == Some(":") => {
                (text.get(..text.len() - 6).unwrap_or(""), Some(tail))
            }
            _ => (text.strip_suffix(['Z', 'z']).unwrap_or(""), None),
        };
        let offset_ok = offset.is_none_or(|o| {
            let (h, m) = (o.get(1..3).unwrap_or(""), o.get(4..6).unwrap_or(""));
            [h, m]
                .iter()
                .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
        });
        offset_ok
            && stamp.get(10..11).is_some_and(|t| t == "T" || t == "t")
            && humantime::parse_rfc3339_weak(stamp).is_ok()
    }

    fn from_time(time: SystemTime) -> Now {
        Now {
            rfc3339: humantime::format_rfc3339_seconds(time).to_string(),
        }
    }

    /// RFC 3339, UTC, to the second: `2026-12-06T18:12:36Z`.
    #[must_use]
    pub fn rfc3339(&self) -> &str {
        &self.rfc3339
    }

    /// The date: `2026-12-06`.
    #[must_use]
    pub fn date(&self) -> &str {
        self.rfc3339.get(..10).unwrap_or(&self.rfc3339)
    }

    /// The year and month: `(2026, 12)`.
    #[must_use]
    pub fn month(&self) -> (u16, u8) {
        let year = self.rfc3339.get(..4).and_then(|y| y.parse().ok());
        let month = self.rfc3339.get(5..7).and_then(|m| m.parse().ok());
        (year.unwrap_or(9999), month.unwrap_or(12))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(now: &Now, rfc3339: &str, date: &str, month: (u16, u8)) {
        assert_eq!(now.rfc3339(), rfc3339);
        assert_eq!(now.date(), date);
        assert_eq!(now.month(), month);
    }

    #[test]
    fn a_fixed_moment_reads_the_same_every_way() {
        case(
            &Now::from_unix(1_796_580_756),
            "2026-12-06T18:12:36Z",
            "2026-12-06",
            (2026, 12),
        );
        case(
            &Now::at("2019-04-30T23:59:59Z").unwrap(),
            "2019-04-30T23:59:59Z",
            "2019-04-30",
            (2019, 4),
        );
        assert_eq!(Now::at("yesterday"), None);
    }

    #[test]
    fn rfc3339_times_and_what_is_not_one() {
        for good in [
            "2024-11-20T15:00:00Z",
            "2024-11-20T15:00:00.5Z",
            "2024-11-20T15:00:00+01:00",
            "2024-11-20T15:00:00-05:30",
        ] {
            assert!(Now::is_rfc3339(good), "{good}");
        }
        for bad in [
            "",
            "2024-11-20",
            "2024-11-20 15:00:00Z",
            "2024-11-20T15:00:00",
            "2024-13-20T15:00:00Z",
            "# Heading | x",
            "2024-11-20T15:00:00+1:00",
        ] {
            assert!(!Now::is_rfc3339(bad), "{bad}");
        }
    }
}
