//! The importer command's work: arguments, files, output.

use quarterly_core::model::registry::Registry;
use quarterly_core::model::Report;
use quarterly_import::report_files;
use quarterly_import::{self as import, catalog, registry, report_path, summary, Severity};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str =
    "usage: quarterly-import <files or folders>... --out <dir> [--registry <initiatives.json>] [--default-initiative <slug>]";

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
    out: PathBuf,
    default_initiative: Option<String>,
    registry: Option<PathBuf>,
}

fn parse_args(args: Vec<String>) -> Result<Args, String> {
    let mut inputs = Vec::new();
    let mut out = None;
    let mut default_initiative = None;
    let mut registry = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" | "-o" => out = Some(PathBuf::from(args.next().ok_or("--out needs a folder")?)),
            "--default-initiative" => {
                default_initiative = Some(args.next().ok_or("--default-initiative needs a slug")?)
            }
            "--registry" => registry = Some(PathBuf::from(args.next().ok_or("--registry needs a file")?)),
            "--help" | "-h" => return Err(USAGE.into()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    let out = out.ok_or_else(|| format!("--out is required\n{USAGE}"))?;
    if inputs.is_empty() {
        return Err(format!("no files or folders given\n{USAGE}"));
    }
    Ok(Args { inputs, out, default_initiative, registry })
}

/// Report files: those named on the command line, and in folders (recursively) those named
/// like reports. Skipped files and folder loops are listed so that nothing disappears silently.
fn collect_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let found = report_files::in_folder(input);
            for skipped in &found.skipped {
                eprintln!("{}: skipped: not named like a report (YYYY-Qn-Name.md)", skipped.display());
            }
            for problem in &found.problems {
                eprintln!("{problem}");
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

fn run(args: Vec<String>) -> Result<bool, String> {
    let args = parse_args(args)?;
    let registry = read_registry(args.registry.as_deref())?;
    let files = collect_files(&args.inputs)?;
    let mut reports: Vec<(PathBuf, Report)> = Vec::new();
    let (mut failed, mut warnings) = (0usize, 0usize);
    for file in files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = match std::fs::read(&file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("{}: error: cannot read: {error}", file.display());
                failed += 1;
                continue;
            }
        };
        let outcome = import::import_bytes(&name, &bytes);
        let (mut file_warnings, mut file_errors): (Vec<_>, Vec<_>) =
            outcome.diagnostics.iter().partition(|d| d.severity == Severity::Warning);
        warnings += file_warnings.len();
        for diagnostic in file_warnings.drain(..).chain(file_errors.drain(..)) {
            eprintln!("{}:{diagnostic}", file.display());
        }
        let Some(mut report) = outcome.report else {
            failed += 1;
            continue;
        };
        if args.registry.is_some() {
            if let Some(warning) = registry::apply(&registry, &mut report) {
                eprintln!("{}:1: warning: {warning}", file.display());
                warnings += 1;
            }
        }
        match reports.iter().find(|(_, r)| r.initiative.slug == report.initiative.slug && r.period == report.period) {
            Some((first, existing)) if *existing == report => {
                eprintln!("{}:1: warning: same report as {}; imported once", file.display(), first.display());
                warnings += 1;
            }
            Some((first, _)) => {
                eprintln!(
                    "{}:1: error: {} {} is already imported from {} with different content",
                    file.display(),
                    report.initiative.name,
                    report.period,
                    first.display()
                );
                failed += 1;
            }
            None => reports.push((file, report)),
        }
    }
    write_out(&args, &registry, &reports)?;
    eprintln!(
        "imported {} report(s) into {} with {warnings} warning(s); {failed} file(s) failed",
        reports.len(),
        args.out.display()
    );
    Ok(failed == 0)
}

fn write_out(args: &Args, registry: &Registry, reports: &[(PathBuf, Report)]) -> Result<(), String> {
    let write = |path: PathBuf, json: String| {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot create folder: {e}", parent.display()))?;
        }
        std::fs::write(&path, json + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    for (_, report) in reports {
        write(args.out.join(report_path(report)), to_json(report)?)?;
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
    write(args.out.join("index.json"), to_json(&catalog)?)?;
    write(args.out.join("summary.json"), to_json(&summary::summary(&in_order))?)?;
    write(args.out.join("search.json"), to_compact_json(&summary::search_corpus(&in_order))?)?;
    for history in summary::histories(&in_order) {
        write(args.out.join(&history.initiative).join("history.json"), to_compact_json(&history)?)?;
    }
    for (name, schema) in import::schemas() {
        write(args.out.join("schema").join(name), to_json(&schema)?)?;
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
