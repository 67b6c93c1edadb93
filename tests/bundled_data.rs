//! The shipped data in `public/data` is exactly what the importer makes of `public/source`, and
//! it validates against the JSON Schemas generated from the model.

use quarterly::import::{catalog, import_bytes, report_path};
use quarterly::model::{schemas, Report};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bundled_reports() -> Vec<Report> {
    let mut reports = Vec::new();
    for entry in std::fs::read_dir(root().join("public/source")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let outcome = import_bytes(&name, &std::fs::read(&path).unwrap());
        reports.push(outcome.report.unwrap_or_else(|| panic!("{name}: {:?}", outcome.diagnostics)));
    }
    reports
}

const REGENERATE: &str = "public/data is out of date: run scripts/import-bundled";

#[test]
fn shipped_reports_match_what_the_importer_makes_of_the_source() {
    let reports = bundled_reports();
    assert!(!reports.is_empty());
    for report in &reports {
        let shipped = read_json(&root().join("public/data").join(report_path(report)));
        assert_eq!(shipped, serde_json::to_value(report).unwrap(), "{REGENERATE}");
    }
    let refs: Vec<&Report> = reports.iter().collect();
    let shipped = read_json(&root().join("public/data/index.json"));
    assert_eq!(shipped, serde_json::to_value(catalog(&refs, Some("alpha-omega"))).unwrap(), "{REGENERATE}");
}

#[test]
fn shipped_schemas_match_the_types() {
    for (name, schema) in schemas() {
        let shipped = read_json(&root().join("public/data/schema").join(name));
        assert_eq!(shipped, serde_json::to_value(&schema).unwrap(), "{name}: {REGENERATE}");
    }
}

#[test]
fn shipped_data_validates_against_the_schemas() {
    let schema_dir = root().join("public/data/schema");
    let report_schema = jsonschema::validator_for(&read_json(&schema_dir.join("report.schema.json"))).unwrap();
    let index_schema = jsonschema::validator_for(&read_json(&schema_dir.join("index.schema.json"))).unwrap();
    let index = read_json(&root().join("public/data/index.json"));
    assert!(index_schema.is_valid(&index));
    let entries = index["reports"].as_array().unwrap();
    assert!(!entries.is_empty());
    for entry in entries {
        let report = read_json(&root().join("public/data").join(entry["path"].as_str().unwrap()));
        let errors: Vec<String> = report_schema.iter_errors(&report).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

#[test]
fn schema_rejects_a_report_with_a_wrong_type() {
    let schema = read_json(&root().join("public/data/schema/report.schema.json"));
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut report = read_json(&root().join("public/data/alpha-omega/2025-q2.json"));
    report["period"]["quarter"] = serde_json::json!("two");
    assert!(!validator.is_valid(&report));
}
