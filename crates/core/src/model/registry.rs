//! The registry of initiatives (`config/initiatives.json`): one proper name per initiative,
//! whatever its reports' file names say. Plain data; the importer resolves names against it
//! (`import::registry`).

use serde::{Deserialize, Serialize};

/// The registry file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Registry {
    /// Every known initiative, in the order the site lists them.
    pub initiatives: Vec<InitiativeEntry>,
}

/// One initiative as the foundation names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// How initiative names compare: case, spaces and punctuation aside ("VULN-WG" = "vuln wg").
pub fn name_key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

impl InitiativeEntry {
    /// Whether `name` is this initiative's slug, name, short name or one of its aliases.
    pub fn is_called(&self, name: &str) -> bool {
        let wanted = name_key(name);
        self.names().any(|own| name_key(own) == wanted)
    }

    /// Every name it goes by: slug, name, short name, aliases.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        [&self.slug, &self.name].into_iter().chain(self.short_name.as_ref()).chain(&self.aliases)
    }

    /// The short name, or the name when there is none.
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}
