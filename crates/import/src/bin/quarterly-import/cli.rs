//! The importer command's work: arguments, files, output.

use quarterly_core::model::registry::Registry;
use quarterly_core::model::Report;
use quarterly_import::report_files;
use quarterly_import::{self as import, catalog, checks, registry, report_path, summary, Severity};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod findings;

use findings::{Finding, Findings, Format};

const USAGE: &str =
    "usage: quarterly-import <files or folders>... (--out <dir> | --check) [--registry <initiatives.json>] \
     [--default-initiative <slug>] [--format text|github] [--summary <file>]";

pub fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("quarterly-import: {message}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    inputs: Vec<PathBuf>,
    /// Where the viewer's data goes; `None` with `--check`, which writes nothing.
    out: Option<PathBuf>,
    default_initiative: Option<String>,
    registry: Option<PathBuf>,
    format: Format,
    /// A Markdown file the findings are appended to (`$GITHUB_STEP_SUMMARY`).
    summary: Option<PathBuf>,
}

fn parse_args(args: Vec<String>) -> Result<Args, String> {
    let mut parsed = Args {
        inputs: Vec::new(),
        out: None,
        default_initiative: None,
        registry: None,
        format: Format::Text,
        summary: None,
    };
    let mut check = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |what: &str| args.next().ok_or(format!("{arg} needs {what}"));
        match arg.as_str() {
            "--out" | "-o" => parsed.out = Some(PathBuf::from(value("a folder")?)),
            "--check" => check = true,
            "--default-initiative" => parsed.default_initiative = Some(value("a slug")?),
            "--registry" => parsed.registry = Some(PathBuf::from(value("a file")?)),
            "--summary" => parsed.summary = Some(PathBuf::from(value("a file")?)),
            "--format" => {
                parsed.format = match value("text or github")?.as_str() {
                    "text" => Format::Text,
                    "github" => Format::Github,
                    other => return Err(format!("unknown format {other:?}: text or github\n{USAGE}")),
                }
            }
            "--help" | "-h" => return Err(USAGE.into()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ => parsed.inputs.push(PathBuf::from(arg)),
        }
    }
    match (check, &parsed.out) {
        (false, None) => return Err(format!("--out (or --check) is required\n{USAGE}")),
        (true, Some(_)) => return Err(format!("--check writes nothing: leave out --out\n{USAGE}")),
        _ => {}
    }
    if parsed.inputs.is_empty() {
        return Err(format!("no files or folders given\n{USAGE}"));
    }
    Ok(parsed)
}

/// Report files: those named on the command line, and in folders (recursively) those named
/// like reports. Skipped files and folder loops are said so that nothing disappears silently.
fn collect_files(inputs: &[PathBuf], findings: &mut Findings) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let found = report_files::in_folder(input);
            for skipped in &found.skipped {
                eprintln!("{}: skipped: not named like a report (YYYY-Qn-Name.md)", skipped.display());
            }
            for problem in found.problems {
                findings.push(Finding::warning(input, 0, problem));
            }
            files.extend(found.reports);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            return Err(format!("{}: no such file or folder", input.display()));
        }
    }
    Ok(files)
}

/// The registry of initiatives, when one is given; its own errors stop the run (exit 2), since
/// every report's identity depends on it.
fn read_registry(path: Option<&Path>) -> Result<Registry, String> {
    let Some(path) = path else { return Ok(Registry::default()) };
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read the registry: {e}", path.display()))?;
    registry::parse(&text).map_err(|errors| {
        let lines: Vec<String> =
            errors.iter().map(|(line, message)| format!("{}:{line}: error: {message}", path.display())).collect();
        lines.join("\n")
    })
}

/// Imports every file, says every finding, writes the data (unless checking). The exit status
/// is non-zero for usage errors, and for failed reports only with `--check`: a site still builds
/// from the reports that imported.
fn run(args: Vec<String>) -> Result<bool, String> {
    let args = parse_args(args)?;
    let registry = read_registry(args.registry.as_deref())?;
    let mut findings = Findings::new(args.format);
    let files = collect_files(&args.inputs, &mut findings)?;
    let mut reports: Vec<(PathBuf, Report)> = Vec::new();
    for file in files {
        if let Some(report) = import_file(&file, &args, &registry, &mut findings) {
            keep_once(file, report, &mut reports, &mut findings);
        }
    }
    let done = match &args.out {
        Some(out) => {
            write_out(out, &args, &registry, &reports)?;
            format!("imported {} report(s) into {}", reports.len(), out.display())
        }
        None => format!("checked {} report(s)", reports.len()),
    };
    eprintln!("{done} with {} warning(s); {} file(s) failed", findings.warnings(), findings.failed());
    if let Some(summary) = &args.summary {
        findings.append_summary(summary, &done)?;
    }
    Ok(args.out.is_some() || findings.errors() == 0)
}

/// One file's report, its findings said; `None` when it could not be imported.
fn import_file(file: &Path, args: &Args, registry: &Registry, findings: &mut Findings) -> Option<Report> {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            findings.push(Finding::error(file, 1, format!("cannot read: {error}")));
            findings.file_failed();
            return None;
        }
    };
    let outcome = import::import_bytes(&name, &bytes);
    let (warnings, errors): (Vec<_>, Vec<_>) =
        outcome.diagnostics.into_iter().partition(|d| d.severity == Severity::Warning);
    for diagnostic in warnings.into_iter().chain(errors) {
        findings.push(Finding {
            file: file.to_path_buf(),
            line: diagnostic.line,
            severity: diagnostic.severity,
            message: diagnostic.message,
        });
    }
    let Some(mut report) = outcome.report else {
        findings.file_failed();
        return None;
    };
    let text = String::from_utf8_lossy(&bytes);
    if args.registry.is_some() {
        if let Some(warning) = registry::apply(registry, &mut report) {
            findings.push(Finding::warning(file, 1, warning));
        }
        for diagnostic in checks::against_registry(&report, &text, registry) {
            findings.push(Finding::warning(file, diagnostic.line, diagnostic.message));
        }
    }
    for url in missing_relative_links(file, &report) {
        let message = format!("links to \"{url}\", which is not a file next to this report (nor a web address)");
        findings.push(Finding::warning(file, checks::line_of(&text, url), message));
    }
    Some(report)
}

/// The report's relative links to files that do not exist beside it (GitHub shows such links
/// as "404"; the viewer shows them as text).
fn missing_relative_links<'a>(file: &Path, report: &'a Report) -> Vec<&'a str> {
    let folder = file.parent().unwrap_or(Path::new("."));
    let relative = |url: &str| !(url.contains("://") || url.starts_with(['#', '/']) || url.starts_with("mailto:"));
    report
        .all_links()
        .into_iter()
        .filter(|url| relative(url))
        .filter(|url| {
            let path = url.split(['#', '?']).next().unwrap_or(url).replace("%20", " ");
            !path.is_empty() && !folder.join(path).exists()
        })
        .collect()
}

/// Keeps a report unless the same quarter of the same initiative is already kept: the same
/// content twice is said and kept once; different content is an error.
fn keep_once(file: PathBuf, report: Report, reports: &mut Vec<(PathBuf, Report)>, findings: &mut Findings) {
    match reports.iter().find(|(_, r)| r.initiative.slug == report.initiative.slug && r.period == report.period) {
        Some((first, existing)) if *existing == report => {
            findings.push(Finding::warning(&file, 1, format!("same report as {}; imported once", first.display())));
        }
        Some((first, _)) => {
            let message = format!(
                "{} {} is already imported from {} with different content",
                report.initiative.name,
                report.period,
                first.display()
            );
            findings.push(Finding::error(&file, 1, message));
            findings.file_failed();
        }
        None => reports.push((file, report)),
    }
}

fn write_out(out: &Path, args: &Args, registry: &Registry, reports: &[(PathBuf, Report)]) -> Result<(), String> {
    let write = |path: PathBuf, json: String| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot create folder: {e}", parent.display()))?;
        }
        std::fs::write(&path, json + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    for (_, report) in reports {
        write(out.join(report_path(report)), to_json(report)?)?;
    }
    let catalog =
        catalog(&reports.iter().map(|(_, r)| r).collect::<Vec<_>>(), args.default_initiative.as_deref(), registry);
    // The foundation-wide files follow the catalog's order.
    let in_order: Vec<&Report> = catalog
        .reports
        .iter()
        .filter_map(|entry| {
            reports.iter().map(|(_, r)| r).find(|r| r.initiative == entry.initiative && r.period == entry.period)
        })
        .collect();
    write(out.join("index.json"), to_json(&catalog)?)?;
    write(out.join("summary.json"), to_json(&summary::summary(&in_order))?)?;
    write(out.join("search.json"), to_compact_json(&summary::search_corpus(&in_order))?)?;
    for history in summary::histories(&in_order) {
        write(out.join(&history.initiative).join("history.json"), to_compact_json(&history)?)?;
    }
    for (name, schema) in import::schemas() {
        write(out.join("schema").join(name), to_json(&schema)?)?;
    }
    Ok(())
}

/// The search file is read by programs only: without indentation it is a third smaller.
fn to_compact_json(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("cannot encode JSON: {e}"))
}

fn to_json(value: &impl serde::Serialize) -> Result<String, String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("cannot encode JSON: {e}"))
}
