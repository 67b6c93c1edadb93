//! The registry of initiatives (`config/initiatives.json`): one proper name per initiative,
//! whatever its reports' file names say. Plain data; the importer resolves names against it
//! (`import::registry`).

use serde::{Deserialize, Serialize};

/// The registry file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Registry {
    /// Every known initiative, in the order the site lists them.
    pub initiatives: Vec<InitiativeEntry>,
}

/// One initiative as the foundation names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct InitiativeEntry {
    /// The stable part of its addresses: `/vd-wg/2025-q4`.
    pub slug: String,
    /// What the initiative calls itself: "Vulnerability Disclosures WG".
    pub name: String,
    /// A shorter form for tight places (the filing grid, a phone): "VD WG".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// What kind of initiative it is, in the foundation's words: "Working group", "Project", "SIG".
    pub kind: String,
    /// Its home page, where the reports give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_page: Option<String>,
    /// Other names its reports are filed under (file-name parts such as "VULN-WG"), compared
    /// without case or punctuation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

impl InitiativeEntry {
    /// The short name, or the name when there is none.
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}
