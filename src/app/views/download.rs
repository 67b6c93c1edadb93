//! Download buttons: what a view shows, as a CSV or JSON file made in the browser on click.

use leptos::prelude::*;
use quarterly_core::export::Table;
use wasm_bindgen::{JsCast, JsValue};

/// "Download: CSV JSON" for a table of what the view shows. The table is only made on a click.
#[component]
pub fn Download(
    /// What the table holds, for the buttons' names ("the key results shown").
    what: &'static str,
    /// The file's name without its extension (`alpha-omega-2025-q2-key-results`).
    #[prop(into)]
    name: Signal<String>,
    /// The table, made when a button is pressed.
    #[prop(into)]
    table: Callback<(), Table>,
) -> impl IntoView {
    let failure = RwSignal::new(None::<String>);
    let save = move |format: Format| {
        let contents = format.write(&table.run(()));
        let result = save_file(&format!("{}.{}", name.get_untracked(), format.extension()), format.mime(), &contents);
        failure
            .set(result.err().map(|error| format!("Could not make the {} file ({error}). Try again.", format.label())));
    };
    let button = move |format: Format| {
        view! {
            <button type="button" class="button download-button" aria-label=format!("{} as {}", what, format.label()) on:click=move |_| save(format)>
                {format.label()}
            </button>
        }
    };
    view! {
        <div class="download" role="group" aria-label=format!("Download {what}")>
            <span class="download-label" aria-hidden="true">"Download"</span>
            {button(Format::Csv)}
            {button(Format::Json)}
            <span class="download-failure" role="status">{move || failure.get()}</span>
        </div>
    }
}

/// The two formats a table downloads as.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

impl Format {
    fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    fn write(self, table: &Table) -> String {
        match self {
            Format::Csv => table.to_csv(),
            Format::Json => table.to_json(),
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

/// Hands `contents` to the browser as a download called `name`: a Blob behind a temporary link.
fn save_file(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let describe = |error: JsValue| {
        error.as_string().or_else(|| js_sys::JSON::stringify(&error).ok().map(String::from)).unwrap_or_default()
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a").map_err(describe)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started from the Blob by the time the next task runs.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::ZERO);
    Ok(())
}
