//! The status vocabulary: what authors write, the closed set it maps to, and how each is shown.
//! This is the one place that knows it.

use serde::{Deserialize, Serialize};

/// A key result's status: the normalised kind plus the author's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Status {
    /// What the author's words mean, from the vocabulary.
    pub kind: StatusKind,
    /// Exactly what the author wrote, e.g. "On target".
    pub written: String,
}

/// The closed set of statuses. `Unknown` is explicit: text the vocabulary does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum StatusKind {
    /// "Not started", "Not yet started", "To do".
    NotStarted,
    /// "Planning", "Planned".
    Planning,
    /// "Started".
    Started,
    /// "In progress", "Ongoing", "Underway".
    InProgress,
    /// "On target", "On track".
    OnTarget,
    /// "At risk", "Behind", "Off target", "Off track", "Delayed".
    AtRisk,
    /// "Blocked", "On hold".
    Blocked,
    /// "Completed", "Complete", "Done", "Achieved".
    Completed,
    /// "Cancelled", "Canceled", "Dropped".
    Cancelled,
    /// Also what a kind this version does not know (from newer data) reads as.
    #[serde(other)]
    Unknown,
}

/// What authors write (lower case, inner whitespace and punctuation folded) for each kind.
const VOCABULARY: &[(&str, StatusKind)] = &[
    ("not started", StatusKind::NotStarted),
    ("not yet started", StatusKind::NotStarted),
    ("to do", StatusKind::NotStarted),
    ("todo", StatusKind::NotStarted),
    ("planning", StatusKind::Planning),
    ("planned", StatusKind::Planning),
    ("started", StatusKind::Started),
    ("in progress", StatusKind::InProgress),
    ("ongoing", StatusKind::InProgress),
    ("underway", StatusKind::InProgress),
    ("on target", StatusKind::OnTarget),
    ("on track", StatusKind::OnTarget),
    ("at risk", StatusKind::AtRisk),
    ("behind", StatusKind::AtRisk),
    ("off target", StatusKind::AtRisk),
    ("off track", StatusKind::AtRisk),
    ("delayed", StatusKind::AtRisk),
    ("blocked", StatusKind::Blocked),
    ("on hold", StatusKind::Blocked),
    ("completed", StatusKind::Completed),
    ("complete", StatusKind::Completed),
    ("done", StatusKind::Completed),
    ("achieved", StatusKind::Completed),
    ("cancelled", StatusKind::Cancelled),
    ("canceled", StatusKind::Cancelled),
    ("dropped", StatusKind::Cancelled),
];

impl StatusKind {
    /// Every kind, in the order a reader expects (from not started to done).
    pub const ALL: [StatusKind; 10] = [
        StatusKind::NotStarted,
        StatusKind::Planning,
        StatusKind::Started,
        StatusKind::InProgress,
        StatusKind::OnTarget,
        StatusKind::AtRisk,
        StatusKind::Blocked,
        StatusKind::Completed,
        StatusKind::Cancelled,
        StatusKind::Unknown,
    ];

    /// The kind for what an author wrote; `Unknown` when the vocabulary does not know it.
    pub fn from_written(written: &str) -> StatusKind {
        let folded = super::fold_words(written);
        VOCABULARY.iter().find(|(words, _)| *words == folded).map(|(_, kind)| *kind).unwrap_or(StatusKind::Unknown)
    }

    /// The label a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            StatusKind::NotStarted => "Not started",
            StatusKind::Planning => "Planning",
            StatusKind::Started => "Started",
            StatusKind::InProgress => "In progress",
            StatusKind::OnTarget => "On target",
            StatusKind::AtRisk => "At risk",
            StatusKind::Blocked => "Blocked",
            StatusKind::Completed => "Completed",
            StatusKind::Cancelled => "Cancelled",
            StatusKind::Unknown => "Unknown",
        }
    }

    /// The slug used in URLs, JSON and CSS classes (`in-progress`).
    pub fn slug(self) -> &'static str {
        match self {
            StatusKind::NotStarted => "not-started",
            StatusKind::Planning => "planning",
            StatusKind::Started => "started",
            StatusKind::InProgress => "in-progress",
            StatusKind::OnTarget => "on-target",
            StatusKind::AtRisk => "at-risk",
            StatusKind::Blocked => "blocked",
            StatusKind::Completed => "completed",
            StatusKind::Cancelled => "cancelled",
            StatusKind::Unknown => "unknown",
        }
    }

    /// Parses [`StatusKind::slug`].
    pub fn from_slug(slug: &str) -> Option<StatusKind> {
        StatusKind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    /// A symbol shown beside the label so the status is never told by colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            StatusKind::NotStarted => "○",
            StatusKind::Planning => "◔",
            StatusKind::Started => "◑",
            StatusKind::InProgress => "◕",
            StatusKind::OnTarget => "●",
            StatusKind::AtRisk => "▲",
            StatusKind::Blocked => "■",
            StatusKind::Completed => "✔",
            StatusKind::Cancelled => "✕",
            StatusKind::Unknown => "?",
        }
    }
}

impl Status {
    /// A status from what the author wrote; `None` for an empty cell.
    pub fn from_written(written: &str) -> Option<Status> {
        let written = written.trim();
        (!written.is_empty()).then(|| Status { kind: StatusKind::from_written(written), written: written.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_spacing_variants_normalise_to_one_kind() {
        for written in ["On target", "On Target", "on  target", "**On Target**", "On-Target."] {
            assert_eq!(StatusKind::from_written(written), StatusKind::OnTarget, "{written}");
        }
    }

    #[test]
    fn unrecognised_words_are_unknown_and_keep_the_author_words() {
        let status = Status::from_written(" Yellow-ish ").unwrap();
        assert_eq!(status.kind, StatusKind::Unknown);
        assert_eq!(status.written, "Yellow-ish");
    }

    #[test]
    fn empty_status_cell_is_no_status() {
        assert_eq!(Status::from_written("  "), None);
    }

    #[test]
    fn slugs_round_trip() {
        for kind in StatusKind::ALL {
            assert_eq!(StatusKind::from_slug(kind.slug()), Some(kind));
        }
    }
}
