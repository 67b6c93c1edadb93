//! The ids of a report page's places (`#activity-2-questions`), in one place: the report view
//! gives its elements these ids, and the summary and search files link to them.

/// A part of the report that has a place of its own on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The "Overview" section.
    Overview,
    /// Objectives and key results, with the prose around them.
    Okrs,
    /// A working group's activities.
    Activities,
    /// News, blog and media links.
    News,
    /// Upcoming events.
    Events,
    /// Report-wide questions or issues for the TAC.
    Questions,
    /// Report-wide funding requests.
    Funding,
    /// Who takes part: the tables of members, meetings, contributors.
    Participation,
    /// The "Additional Information" section.
    Additional,
}

impl Part {
    /// The element id of the part's section.
    pub fn id(self) -> &'static str {
        match self {
            Part::Overview => "overview",
            Part::Okrs => "okrs",
            Part::Activities => "activities",
            Part::News => "news",
            Part::Events => "events",
            Part::Questions => "questions",
            Part::Funding => "funding",
            Part::Participation => "participation",
            Part::Additional => "additional",
        }
    }
}

/// A sub-section of an activity, in the template's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityPart {
    /// The "Purpose" sub-section.
    Purpose,
    /// The "Current Status" sub-section.
    CurrentStatus,
    /// The "Up Next" sub-section.
    UpNext,
    /// The activity's funding requests.
    Funding,
    /// The activity's questions or issues for the TAC.
    Questions,
}

impl ActivityPart {
    /// Every part, in the template's order.
    pub const ALL: [ActivityPart; 5] = [
        ActivityPart::Purpose,
        ActivityPart::CurrentStatus,
        ActivityPart::UpNext,
        ActivityPart::Funding,
        ActivityPart::Questions,
    ];

    /// What readers call it (the governing body's name stays the viewer's to add).
    pub fn label(self) -> &'static str {
        match self {
            ActivityPart::Purpose => "Purpose",
            ActivityPart::CurrentStatus => "Current status",
            ActivityPart::UpNext => "Up next",
            ActivityPart::Funding => "Funding request",
            ActivityPart::Questions => "Question",
        }
    }

    /// The part's piece of an element id: `status` in `activity-1-status`.
    pub fn slug(self) -> &'static str {
        match self {
            ActivityPart::Purpose => "purpose",
            ActivityPart::CurrentStatus => "status",
            ActivityPart::UpNext => "next",
            ActivityPart::Funding => "funding",
            ActivityPart::Questions => "questions",
        }
    }
}

/// The id of an activity (0-based `index` in the report's list): `activity-1` for the first.
pub fn activity(index: usize) -> String {
    format!("activity-{}", index + 1)
}

/// The id of one sub-section of an activity: `activity-1-questions`.
pub fn activity_part(index: usize, part: ActivityPart) -> String {
    format!("{}-{}", activity(index), part.slug())
}

/// The id of an author's own section (0-based `index` in `other_sections`): `section-1`.
pub fn other_section(index: usize) -> String {
    format!("section-{}", index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_one_based_and_distinct() {
        assert_eq!(activity(0), "activity-1");
        assert_eq!(activity_part(1, ActivityPart::Questions), "activity-2-questions");
        assert_eq!(other_section(2), "section-3");
        let slugs: std::collections::HashSet<&str> = ActivityPart::ALL.iter().map(|p| p.slug()).collect();
        assert_eq!(slugs.len(), ActivityPart::ALL.len());
        let parts = [
            Part::Overview,
            Part::Okrs,
            Part::Activities,
            Part::News,
            Part::Events,
            Part::Questions,
            Part::Funding,
            Part::Participation,
            Part::Additional,
        ];
        let ids: std::collections::HashSet<&str> = parts.iter().map(|p| p.id()).collect();
        assert_eq!(ids.len(), parts.len());
    }
}
