//! The foundation-wide files written beside the catalog: `summary.json` (headlines, counts and
//! asks) and `search.json` (every report's text as passages with their places). The views read
//! one of them instead of every report.

use quarterly_core::model::anchor::{self, ActivityPart, Part};
use quarterly_core::model::summary::{
    Ask, AskKind, History, Passage, ReportPassages, ReportSummary, SearchCorpus, StatusCount, Summary,
};
use quarterly_core::model::{blocks_plain_text, plain_text, Block, Report, StatusKind, FORMAT_VERSION};

/// A headline longer than this is cut at a word, with an ellipsis.
const HEADLINE_CHARS: usize = 240;

/// The summary of the reports, in the order given (the catalog's).
pub fn summary(reports: &[&Report]) -> Summary {
    Summary { format: FORMAT_VERSION, reports: reports.iter().map(|report| report_summary(report)).collect() }
}

fn report_summary(report: &Report) -> ReportSummary {
    ReportSummary {
        initiative: report.initiative.slug.clone(),
        period: report.period,
        headline: headline(&report.overview),
        activities: report.activities.len(),
        key_results: status_counts(report),
        asks: asks(report),
    }
}

/// The overview's first sentence: up to the first full stop that ends a sentence (followed by
/// a space and not part of an abbreviation such as "e.g."), or the first paragraph.
pub fn headline(overview: &[Block]) -> String {
    let Some(first) = overview.iter().find_map(|block| match block {
        Block::Paragraph { content } => Some(plain_text(content)),
        _ => None,
    }) else {
        return String::new();
    };
    let first = first.trim();
    let mut end = first.len();
    for (at, _) in first.match_indices(['.', '!', '?']) {
        let next = first[at + 1..].chars().next();
        let word = first[..at].rsplit(' ').next().unwrap_or("");
        // "e.g." and "v1.2" are not sentence ends.
        let abbreviation = word.contains('.') || word.chars().count() == 1;
        if next.is_none_or(char::is_whitespace) && !abbreviation && at >= 20 {
            end = at + 1;
            break;
        }
    }
    let sentence = &first[..end];
    if sentence.chars().count() <= HEADLINE_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(HEADLINE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn status_counts(report: &Report) -> Vec<StatusCount> {
    let count = |kind: Option<StatusKind>| {
        report.key_results().filter(|(_, kr)| kr.status.as_ref().map(|status| status.kind) == kind).count()
    };
    StatusKind::ALL
        .into_iter()
        .map(|kind| (kind.slug().to_string(), count(Some(kind))))
        .chain(std::iter::once(("none".to_string(), count(None))))
        .filter(|(_, count)| *count > 0)
        .map(|(status, count)| StatusCount { status, count })
        .collect()
}

/// Every question for the TAC and funding request, report-wide first, then by activity.
fn asks(report: &Report) -> Vec<Ask> {
    let mut asks = Vec::new();
    let mut add = |kind, activity: Option<&str>, anchor: String, content: &[Block]| {
        if !content.is_empty() {
            asks.push(Ask { kind, activity: activity.map(str::to_string), anchor, content: content.to_vec() });
        }
    };
    add(AskKind::Question, None, Part::Questions.id().to_string(), &report.questions_for_tac);
    add(AskKind::Funding, None, Part::Funding.id().to_string(), &report.funding_requests);
    for (index, activity) in report.activities.iter().enumerate() {
        let name = Some(activity.name.as_str());
        add(
            AskKind::Question,
            name,
            anchor::activity_part(index, ActivityPart::Questions),
            &activity.questions_for_tac,
        );
        add(AskKind::Funding, name, anchor::activity_part(index, ActivityPart::Funding), &activity.funding);
    }
    asks
}

/// One history per initiative, its reports in quarter order, each reduced to its identity and
/// its objectives.
pub fn histories(reports: &[&Report]) -> Vec<History> {
    let mut histories: Vec<History> = Vec::new();
    for report in reports {
        let trimmed = Report {
            format: report.format,
            source: report.source.clone(),
            initiative: report.initiative.clone(),
            period: report.period,
            title: report.title.clone(),
            overview: Vec::new(),
            objectives: report.objectives.clone(),
            objectives_notes: Vec::new(),
            activities: Vec::new(),
            news: Vec::new(),
            news_notes: Vec::new(),
            upcoming_events: Vec::new(),
            questions_for_tac: Vec::new(),
            funding_requests: Vec::new(),
            participation: Vec::new(),
            additional_information: Vec::new(),
            other_sections: Vec::new(),
        };
        match histories.iter_mut().find(|history| history.initiative == report.initiative.slug) {
            Some(history) => history.reports.push(trimmed),
            None => histories.push(History {
                format: FORMAT_VERSION,
                initiative: report.initiative.slug.clone(),
                reports: vec![trimmed],
            }),
        }
    }
    for history in &mut histories {
        history.reports.sort_by_key(|report| report.period);
    }
    histories
}

/// Every report's text as passages, in the order given.
pub fn search_corpus(reports: &[&Report]) -> SearchCorpus {
    let reports = reports
        .iter()
        .map(|report| ReportPassages {
            initiative: report.initiative.slug.clone(),
            period: report.period,
            passages: passages(report),
        })
        .collect();
    SearchCorpus { format: FORMAT_VERSION, reports }
}

/// One passage per line of text (paragraph, list item, table row, key result, link), each
/// with the place it links to.
pub fn passages(report: &Report) -> Vec<Passage> {
    let mut out = Vec::new();
    let mut add = |anchor: &str, place: &str, text: String| {
        for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
            out.push(Passage { anchor: anchor.to_string(), place: place.to_string(), text: line.to_string() });
        }
    };
    add(Part::Overview.id(), "Overview", blocks_plain_text(&report.overview));
    for (objective, kr) in report.key_results() {
        let status = kr.status.as_ref().map_or(String::new(), |status| format!(" ({})", status.kind.label()));
        add(Part::Okrs.id(), &format!("Objective {} · KR {}{status}", objective.id, kr.id), plain_text(&kr.text));
    }
    for objective in &report.objectives {
        add(Part::Okrs.id(), &format!("Objective {}", objective.id), plain_text(&objective.title));
    }
    add(Part::Okrs.id(), "Objectives & key results", blocks_plain_text(&report.objectives_notes));
    for (index, activity) in report.activities.iter().enumerate() {
        let place = format!("Activity: {}", activity.name);
        add(&anchor::activity(index), &place, activity.name.clone());
        add(&anchor::activity(index), &place, blocks_plain_text(&activity.summary));
        for part in ActivityPart::ALL {
            let blocks = blocks_plain_text(activity.part(part));
            add(&anchor::activity_part(index, part), &format!("{place} · {}", part.label()), blocks);
        }
        for section in &activity.other {
            add(
                &anchor::activity(index),
                &format!("{place} · {}", section.heading),
                blocks_plain_text(&section.blocks),
            );
        }
    }
    for item in &report.news {
        let words = [item.context.as_deref(), Some(item.title.as_str()), item.attribution.as_deref()];
        add(Part::News.id(), "News", words.into_iter().flatten().collect::<Vec<_>>().join(" · "));
    }
    add(Part::News.id(), "News", blocks_plain_text(&report.news_notes));
    for event in &report.upcoming_events {
        add(Part::Events.id(), "Upcoming events", plain_text(event));
    }
    for (part, place, blocks) in [
        (Part::Questions, "Questions", &report.questions_for_tac),
        (Part::Funding, "Funding requests", &report.funding_requests),
        (Part::Participation, "Participation", &report.participation),
        (Part::Additional, "Additional information", &report.additional_information),
    ] {
        add(part.id(), place, blocks_plain_text(blocks));
    }
    for (index, section) in report.other_sections.iter().enumerate() {
        add(&anchor::other_section(index), &section.heading, section.heading.clone());
        add(&anchor::other_section(index), &section.heading, blocks_plain_text(&section.blocks));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use quarterly_core::model::Inline;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph { content: vec![Inline::Text { text: text.into() }] }
    }

    #[test]
    fn the_headline_is_the_first_sentence_not_an_abbreviation() {
        let overview = [paragraph("The WG (e.g. its SIGs) shipped v1.2 of the guide. Then more happened.")];
        assert_eq!(headline(&overview), "The WG (e.g. its SIGs) shipped v1.2 of the guide.");
    }

    #[test]
    fn a_long_headline_is_cut_at_a_word() {
        let long = "word ".repeat(100);
        let cut = headline(&[paragraph(&long)]);
        assert!(cut.ends_with("word…") && cut.chars().count() <= HEADLINE_CHARS + 1, "{cut}");
    }

    #[test]
    fn a_history_holds_each_initiatives_quarters_in_order_with_only_their_objectives() {
        let report = |slug: &str, quarter: u8| -> Report {
            let mut report: Report = serde_json::from_value(serde_json::json!({
                "format": 1, "source": "x.md", "initiative": {"name": slug, "slug": slug},
                "period": {"year": 2025, "quarter": quarter}, "title": "t"
            }))
            .unwrap();
            report.overview = vec![paragraph("dropped")];
            report
        };
        let (a2, b1, a1) = (report("a", 2), report("b", 1), report("a", 1));
        let histories = histories(&[&a2, &b1, &a1]);
        let shape: Vec<(String, Vec<u8>)> = histories
            .iter()
            .map(|h| (h.initiative.clone(), h.reports.iter().map(|r| r.period.quarter).collect()))
            .collect();
        assert_eq!(shape, vec![("a".into(), vec![1, 2]), ("b".into(), vec![1])]);
        assert!(histories[0].reports.iter().all(|r| r.overview.is_empty()));
    }

    #[test]
    fn no_overview_no_headline() {
        assert_eq!(headline(&[]), "");
    }
}
