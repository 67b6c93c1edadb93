//! What the importer tells a report's author, said as it is found: as `file:line: warning:
//! message` lines, or as GitHub workflow commands that annotate a pull request's files, and at
//! the end as a Markdown table for the job's summary page (GitHub shows only the first 10
//! annotations of a step; the summary lists them all).

use quarterly_import::Severity;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// How findings are printed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    /// `file:line: warning: message` on standard error.
    Text,
    /// `::warning file=…,line=…,title=…::message` on standard output, which GitHub Actions
    /// turns into annotations.
    Github,
}

/// One thing to tell an author: where, how serious, what.
#[derive(Clone, Debug)]
pub struct Finding {
    pub file: PathBuf,
    /// 1-based; 0 when it is about a whole folder or file.
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl Finding {
    pub fn warning(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Finding { file: file.to_path_buf(), line, severity: Severity::Warning, message: message.into() }
    }

    pub fn error(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Finding { file: file.to_path_buf(), line, severity: Severity::Error, message: message.into() }
    }

    fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// `file:line: warning: message`, the form editors and terminals link to.
    fn as_text(&self) -> String {
        let line = if self.line > 0 { format!("{}:", self.line) } else { String::new() };
        format!("{}:{line} {}: {}", self.file.display(), self.severity_word(), self.message)
    }

    /// A GitHub workflow command, escaped as GitHub documents: `%`, CR and LF everywhere, and
    /// `:` and `,` in the properties too.
    fn as_github(&self) -> String {
        let file = escape_property(&self.file.display().to_string());
        let line = if self.line > 0 { format!(",line={}", self.line) } else { String::new() };
        let title = escape_property(&format!("quarterly-import: {}", self.severity_word()));
        format!("::{} file={file}{line},title={title}::{}", self.severity_word(), escape_data(&self.message))
    }
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Markdown table cell text: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Every finding of a run, printed as it comes, and counted.
pub struct Findings {
    format: Format,
    all: Vec<Finding>,
    failed: usize,
}

impl Findings {
    pub fn new(format: Format) -> Self {
        Findings { format, all: Vec::new(), failed: 0 }
    }

    /// Says the finding now and keeps it for the summary.
    pub fn push(&mut self, finding: Finding) {
        match self.format {
            Format::Text => eprintln!("{}", finding.as_text()),
            Format::Github => println!("{}", finding.as_github()),
        }
        self.all.push(finding);
    }

    /// Counts a file that gave no report.
    pub fn file_failed(&mut self) {
        self.failed += 1;
    }

    pub fn failed(&self) -> usize {
        self.failed
    }

    pub fn warnings(&self) -> usize {
        self.all.iter().filter(|f| f.severity == Severity::Warning).count()
    }

    pub fn errors(&self) -> usize {
        self.all.iter().filter(|f| f.severity == Severity::Error).count()
    }

    /// The run as Markdown: a line saying what was done, then every finding in a table.
    pub fn summary(&self, done: &str) -> String {
        let mut text = format!(
            "### quarterly-import\n\n{done}: {} error(s), {} warning(s), {} file(s) failed.\n\n",
            self.errors(),
            self.warnings(),
            self.failed
        );
        if self.all.is_empty() {
            text.push_str("No findings.\n");
            return text;
        }
        text.push_str("| File | Line | Severity | Finding |\n|---|---|---|---|\n");
        for finding in &self.all {
            let line = if finding.line > 0 { finding.line.to_string() } else { String::new() };
            text.push_str(&format!(
                "| {} | {line} | {} | {} |\n",
                cell(&finding.file.display().to_string()),
                finding.severity_word(),
                cell(&finding.message)
            ));
        }
        text
    }

    /// Appends [`Findings::summary`] to `path` (GitHub's step summary is appended to).
    pub fn append_summary(&self, path: &Path, done: &str) -> Result<(), String> {
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut file| file.write_all((self.summary(done) + "\n").as_bytes()))
            .map_err(|e| format!("{}: cannot write the summary: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_commands_escape_as_documented() {
        let finding = Finding::error(Path::new("reports/2025-Q1-A,B:C.md"), 7, "100% sure\r\nnot: really, no");
        assert_eq!(
            finding.as_github(),
            "::error file=reports/2025-Q1-A%2CB%3AC.md,line=7,title=quarterly-import%3A error::100%25 sure%0D%0Anot: really, no"
        );
        let folder = Finding::warning(Path::new("reports"), 0, "a loop");
        assert_eq!(folder.as_github(), "::warning file=reports,title=quarterly-import%3A warning::a loop");
    }

    #[test]
    fn text_lines_name_file_and_line() {
        assert_eq!(Finding::warning(Path::new("a.md"), 3, "odd").as_text(), "a.md:3: warning: odd");
        assert_eq!(Finding::warning(Path::new("dir"), 0, "loop").as_text(), "dir: warning: loop");
    }

    #[test]
    fn the_summary_is_one_table_row_per_finding_with_pipes_and_newlines_made_safe() {
        let mut findings = Findings::new(Format::Github);
        findings.all.push(Finding::warning(Path::new("a|b.md"), 2, "one\ntwo | three"));
        findings.all.push(Finding::error(Path::new("c.md"), 1, "broken"));
        findings.failed = 1;
        let summary = findings.summary("checked 1 report(s)");
        assert!(summary.contains("checked 1 report(s): 1 error(s), 1 warning(s), 1 file(s) failed."), "{summary}");
        assert!(summary.contains("| a\\|b.md | 2 | warning | one two \\| three |\n"), "{summary}");
        assert!(summary.contains("| c.md | 1 | error | broken |\n"), "{summary}");
        assert!(Findings::new(Format::Text).summary("checked 0 report(s)").contains("No findings."));
    }
}
