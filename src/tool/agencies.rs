//! NYC agencies by abbreviation and full name, to match a tool's rows across the editions of
//! the Local Law 35 table (abbreviations in 2022–2023, full names in 2024) and to name an
//! inventory's folders.
//!
//! Names and abbreviations as the city's own publications give them. Only unambiguous
//! entries are listed: a bare "Mayor's Office" (`MO`) covers many offices and is never merged,
//! and an agency that was renamed or absorbed is listed separately from its successor and
//! named in [`RENAMED`], so that its rows are not merged with the successor's without a person
//! deciding so.

use crate::text::identity;

/// One agency: its abbreviation and the full names it is published under.
#[derive(Debug, PartialEq, Eq)]
pub struct Agency {
    /// The abbreviation (also the inventory's folder name).
    pub abbreviation: &'static str,
    /// Its full names, the usual one first (a leading "New York City" or "NYC" is optional
    /// in matching, so it is not written twice).
    pub names: &'static [&'static str],
}

macro_rules! agencies {
    ($($abbreviation:literal => [$($name:literal),+ $(,)?],)*) => {
        /// Every agency adscheck knows.
        pub const AGENCIES: &[Agency] = &[
            $(Agency { abbreviation: $abbreviation, names: &[$($name),+] },)*
        ];
    };
}

agencies! {
    "ACS" => ["Administration for Children's Services"],
    "BIC" => ["Business Integrity Commission"],
    "CCHR" => ["Commission on Human Rights"],
    "CCRB" => ["Civilian Complaint Review Board"],
    "DCAS" => ["Department of Citywide Administrative Services"],
    "DCLA" => ["Department of Cultural Affairs"],
    "DCP" => ["Department of City Planning"],
    "DCWP" => ["Department of Consumer and Worker Protection"],
    "DDC" => ["Department of Design and Construction"],
    "DEP" => ["Department of Environmental Protection"],
    "DHS" => ["Department of Homeless Services"],
    "DOB" => ["Department of Buildings"],
    "DOC" => ["Department of Correction"],
    "DOE" => ["Department of Education"],
    "DOF" => ["Department of Finance"],
    "DOHMH" => ["Department of Health and Mental Hygiene"],
    "DOI" => ["Department of Investigation"],
    "DOITT" => ["Department of Information Technology and Telecommunications"],
    "DOP" => ["Department of Probation"],
    "DOT" => ["Department of Transportation"],
    "DPR" => ["Department of Parks and Recreation"],
    "DSNY" => ["Department of Sanitation"],
    "DSS" => ["Department of Social Services"],
    "DYCD" => ["Department of Youth and Community Development"],
    "FDNY" => ["Fire Department", "Fire Department of the City of New York"],
    "HH" => ["NYC Health + Hospitals", "Health and Hospitals Corporation"],
    "HPD" => ["Department of Housing Preservation and Development"],
    "HRA" => ["Human Resources Administration"],
    "LPC" => ["Landmarks Preservation Commission"],
    "MOIA" => ["Mayor's Office of Immigrant Affairs"],
    "NYCEM" => ["Emergency Management"],
    "NYCHA" => ["New York City Housing Authority"],
    "NYPD" => ["Police Department"],
    "OCME" => ["Office of Chief Medical Examiner"],
    "OTI" => ["Office of Technology and Innovation"],
    "SBS" => ["Department of Small Business Services"],
    "SCA" => ["School Construction Authority"],
    "TLC" => ["Taxi and Limousine Commission"],
}

impl Agency {
    /// Its usual full name.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.abbreviation)
    }

    /// As a list offers it: "Fire Department (FDNY)".
    #[must_use]
    pub fn shown(&self) -> String {
        format!("{} ({})", self.name(), self.abbreviation)
    }
}

/// What an agency typed in is, for the interview to confirm it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    /// An agency adscheck knows, by a name or its abbreviation (or as a list shows it).
    Known(&'static Agency),
    /// None it knows, but close to this one's name ("Fire Dept.").
    Near(&'static Agency),
    /// None it knows, nor close to one.
    Unknown,
}

/// What `text` names: a known agency (also as [`Agency::shown`] writes it), one it is close
/// to, or neither.
#[must_use]
pub fn typed(text: &str) -> Typed {
    let text = text.trim();
    if let Some(agency) = lookup(text)
        .or_else(|| {
            let (name, abbreviation) = text.strip_suffix(')')?.rsplit_once(" (")?;
            lookup(abbreviation).filter(|a| lookup(name) == Some(a))
        })
        .or_else(|| {
            // As a type-ahead offers it: "FDNY: Fire Department" (the name perhaps cut short).
            let (abbreviation, _) = text.split_once(": ")?;
            AGENCIES.iter().find(|a| a.abbreviation == abbreviation)
        })
    {
        return Typed::Known(agency);
    }
    near(text).map_or(Typed::Unknown, Typed::Near)
}

/// The agencies whose abbreviation or a name contains `text` (any case), in the list's order:
/// what a type-ahead offers as it is typed. Every agency for an empty `text`.
#[must_use]
pub fn matching(text: &str) -> Vec<&'static Agency> {
    let wanted = text.trim().to_lowercase();
    AGENCIES
        .iter()
        .filter(|a| {
            a.abbreviation.to_lowercase().contains(&wanted)
                || a.names.iter().any(|n| n.to_lowercase().contains(&wanted))
        })
        .collect()
}

/// Agencies whose functions moved to another (`from`, `to`, why): their rows are kept apart.
pub const RENAMED: &[(&str, &str, &str)] = &[(
    "DOITT",
    "OTI",
    "Executive Order 3 of 2022 moved DoITT's functions into the Office of Technology and \
     Innovation",
)];

/// The agency `text` names (an abbreviation or a full name, in any case and spacing, with or
/// without a leading "NYC " or "New York City "), if it is one adscheck knows.
#[must_use]
pub fn lookup(text: &str) -> Option<&'static Agency> {
    // Every known name and abbreviation by its key, made once: a lookup normalises one
    // text, not the hundred names of the list (`check` looks up every file's agency).
    static KEYS: std::sync::OnceLock<std::collections::HashMap<String, &'static Agency>> =
        std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let mut keys = std::collections::HashMap::new();
        for agency in AGENCIES {
            for name in std::iter::once(&agency.abbreviation).chain(agency.names) {
                // The first agency to claim a key keeps it, as the list's order decided before.
                keys.entry(key(name)).or_insert(agency);
            }
        }
        keys
    });
    let wanted = key(text);
    if wanted.is_empty() {
        return None;
    }
    keys.get(&wanted).copied()
}

/// For an agency `text` adscheck does not know ([`lookup`] finds none), the known agency whose
/// name or abbreviation it is close to ("Fire Dept." is close to "Fire Department"), if any.
#[must_use]
pub fn near(text: &str) -> Option<&'static Agency> {
    if lookup(text).is_some() || text.trim().is_empty() {
        return None;
    }
    // Close means: a name that differs in at most 40% of its letters ("Fire Dept." and "Fire
    // Department"), or an abbreviation one letter off ("FDYN"); a long name that only shares
    // its first words ("Office of ...") is not close.
    let typed = text.trim().to_lowercase();
    let mut best: Option<(f64, &'static Agency)> = None;
    for agency in AGENCIES {
        let by_abbreviation = typed.chars().count() >= 3
            && strsim::levenshtein(&typed, &agency.abbreviation.to_lowercase()) <= 1;
        let similarity = agency
            .names
            .iter()
            .map(|n| strsim::normalized_levenshtein(&typed, &n.to_lowercase()))
            .fold(if by_abbreviation { 0.75 } else { 0.0 }, f64::max);
        if similarity >= 0.6 && best.is_none_or(|(s, _)| similarity > s) {
            best = Some((similarity, agency));
        }
    }
    best.map(|(_, agency)| agency)
}

/// What an agency's rows are matched by: its abbreviation when known, otherwise its text
/// compared as `check` compares names.
#[must_use]
pub fn match_key(text: &str) -> String {
    lookup(text).map_or_else(|| identity(text), |a| a.abbreviation.to_owned())
}

/// Why rows of `agency` are not merged with another agency's, when it was renamed or absorbed.
#[must_use]
pub fn renamed(agency: &Agency) -> Option<(&'static str, &'static str)> {
    RENAMED
        .iter()
        .find(|(from, to, _)| *from == agency.abbreviation || *to == agency.abbreviation)
        .map(|(from, to, why)| {
            let other = if *from == agency.abbreviation {
                to
            } else {
                from
            };
            (*other, *why)
        })
}

/// The folder for an agency's tools in an inventory: its abbreviation when known, else its
/// name made safe ([`crate::text::safe_name`]).
#[must_use]
pub fn folder(agency: &str) -> String {
    lookup(agency).map_or_else(
        || crate::text::safe_name(agency, "agency"),
        |a| a.abbreviation.to_owned(),
    )
}

fn key(text: &str) -> String {
    let folded = identity(text);
    let folded = folded
        .strip_prefix("new york city ")
        .or_else(|| folded.strip_prefix("nyc "))
        .unwrap_or(&folded);
    folded.replace(['\'', '’'], "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_and_names_meet() {
        assert_eq!(match_key("FDNY"), "FDNY");
        assert_eq!(match_key("fire  department"), "FDNY");
        assert_eq!(match_key("Administration for Children’s Services"), "ACS");
        assert_eq!(match_key("NYC Department of Education"), "DOE");
        assert_eq!(match_key("MO"), "mo");
        assert_eq!(match_key("Some Office"), "some office");
        assert_ne!(match_key("DoITT"), match_key("OTI"));
        assert!(renamed(lookup("DoITT").unwrap()).is_some());
        assert!(renamed(lookup("Office of Technology and Innovation").unwrap()).is_some());
        assert!(renamed(lookup("FDNY").unwrap()).is_none());
    }

    #[test]
    fn typed_names_are_known_near_or_neither() {
        let fdny = lookup("FDNY").unwrap();
        assert_eq!(typed("fdny"), Typed::Known(fdny));
        assert_eq!(typed("Fire Department (FDNY)"), Typed::Known(fdny));
        assert_eq!(typed("FDNY: Fire Dep …"), Typed::Known(fdny));
        assert_ne!(typed("Fire Department (DOT)"), Typed::Known(fdny));
        assert_eq!(typed("Fire Dept."), Typed::Near(fdny));
        assert_eq!(typed("Office of Imaginary Things"), Typed::Unknown);
        assert_eq!(fdny.shown(), "Fire Department (FDNY)");
        assert_eq!(matching("fire"), [fdny]);
        assert_eq!(matching("").len(), AGENCIES.len());
        assert!(matching("department of").len() > 5);
    }

    #[test]
    fn no_two_agencies_share_a_name() {
        let mut seen = std::collections::HashSet::new();
        for a in AGENCIES {
            assert!(seen.insert(key(a.abbreviation)), "{}", a.abbreviation);
            for n in a.names {
                assert!(seen.insert(key(n)), "{n}");
            }
        }
    }
}
