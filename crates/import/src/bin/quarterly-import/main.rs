//! `quarterly-import <files or folders>... --out <dir> [--default-initiative <slug>]`
//!
//! Turns Markdown quarterly reports into the viewer's data: one JSON file per report,
//! `index.json` listing them, and the JSON Schemas of both. Problems are printed as
//! `file:line: warning|error: message`; a broken file never stops the others; the exit status is
//! 1 when any file failed.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
