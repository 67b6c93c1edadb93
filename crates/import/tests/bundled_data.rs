//! The shipped data in `public/data` is exactly what the importer makes of the bundled corpus
//! (`reports/`, with `config/initiatives.json`), and it validates against the JSON Schemas
//! generated from the model.

mod support;

use quarterly_import::schemas;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    support::repo_root()
}

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file below `dir`, by its path relative to `dir`, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

const REGENERATE: &str = "public/data is out of date: run scripts/import-bundled";

#[test]
fn shipped_data_is_exactly_what_the_importer_makes_of_the_corpus() {
    let out = std::env::temp_dir().join(format!("quarterly-bundled-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let output = Command::new(env!("CARGO_BIN_EXE_quarterly-import"))
        .arg(support::ti_reports())
        .arg("--registry")
        .arg(support::registry())
        .args(["--default-initiative", "alpha-omega", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let (made, shipped) = (tree(&out), tree(&root().join("public/data")));
    let _ = std::fs::remove_dir_all(&out);
    assert_eq!(made.keys().collect::<Vec<_>>(), shipped.keys().collect::<Vec<_>>(), "{REGENERATE}");
    for (path, bytes) in &made {
        assert!(shipped[path] == *bytes, "{path}: {REGENERATE}");
    }
    assert!(made.len() > 65, "every report, the catalog, the summary, the search file and the schemas");
}

#[test]
fn shipped_schemas_match_the_types() {
    for (name, schema) in schemas() {
        let shipped = read_json(&root().join("public/data/schema").join(name));
        assert_eq!(shipped, serde_json::to_value(&schema).unwrap(), "{name}: {REGENERATE}");
    }
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&read_json(&root().join("public/data/schema").join(name))).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, file: &Path) {
    let errors: Vec<String> = validator.iter_errors(&read_json(file)).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}: {errors:?}", file.display());
}

#[test]
fn shipped_data_validates_against_the_schemas() {
    let data = root().join("public/data");
    assert_valid(&validator("index.schema.json"), &data.join("index.json"));
    assert_valid(&validator("summary.schema.json"), &data.join("summary.json"));
    assert_valid(&validator("search.schema.json"), &data.join("search.json"));
    let report_schema = validator("report.schema.json");
    let index = read_json(&data.join("index.json"));
    let entries = index["reports"].as_array().unwrap();
    assert_eq!(entries.len(), 65, "every report of the corpus (the damaged copy is the same report as its clean one)");
    for entry in entries {
        assert_valid(&report_schema, &data.join(entry["path"].as_str().unwrap()));
    }
}

#[test]
fn the_registry_validates_against_its_schema() {
    assert_valid(&validator("initiatives.schema.json"), &support::registry());
}

#[test]
fn schema_rejects_a_report_with_a_wrong_type() {
    let validator = validator("report.schema.json");
    let mut report = read_json(&root().join("public/data/alpha-omega/2025-q2.json"));
    assert!(validator.is_valid(&report));
    report["period"]["quarter"] = serde_json::json!("two");
    assert!(!validator.is_valid(&report));
}
