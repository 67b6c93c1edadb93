//! What the site calls itself and the foundation it serves: one place for the names, which a
//! later version will read from a configuration file.

/// The site's names.
pub struct Site {
    /// The site's name: the brand in the header and the end of every page title.
    pub title: &'static str,
    /// The foundation whose reports these are.
    pub foundation: &'static str,
    /// What the foundation calls the groups that file reports.
    pub initiatives: &'static str,
    /// The body the questions and funding requests are for, as readers know it.
    pub governing_body: &'static str,
    /// Its full name.
    pub governing_body_name: &'static str,
}

pub const SITE: Site = Site {
    title: "quarterly",
    foundation: "OpenSSF",
    initiatives: "Technical Initiatives",
    governing_body: "TAC",
    governing_body_name: "Technical Advisory Council",
};

impl Site {
    /// Who files the reports: "OpenSSF Technical Initiatives".
    pub fn reporters(&self) -> String {
        format!("{} {}", self.foundation, self.initiatives)
    }

    /// The line beside the brand: "Quarterly reports of the OpenSSF Technical Initiatives".
    pub fn tagline(&self) -> String {
        format!("Quarterly reports of the {}", self.reporters())
    }

    /// A page's title: "<what> · quarterly".
    pub fn page_title(&self, what: &str) -> String {
        format!("{what} · {}", self.title)
    }

    /// The title of the questions and funding requests page: "For the TAC".
    pub fn asks_title(&self) -> String {
        format!("For the {}", self.governing_body)
    }
}
