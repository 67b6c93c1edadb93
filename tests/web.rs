//! Component tests in headless Chromium: the OKR table, its filters and the rich text, mounted
//! with the bundled 2025 Q2 Alpha-Omega report.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use quarterly::app::filter_state::FilterState;
use quarterly::app::views::okr_table::OkrSection;
use quarterly::app::views::rich_text::Inlines;
use quarterly::app::views::status_badge::StatusBadge;
use quarterly_core::filter::Filter;
use quarterly_core::model::{Inline, Report, Status};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const REPORT_JSON: &str = include_str!("../public/data/alpha-omega/2025-q2.json");

fn report() -> Arc<Report> {
    Arc::new(serde_json::from_str(REPORT_JSON).expect("the bundled report decodes"))
}

/// A fresh container in the body (the runner's own output lives in the body too, so the body
/// itself is never replaced).
fn container() -> HtmlElement {
    let document = document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|node| node.unchecked_into()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
}

/// The key-result rows a reader sees: the table keeps the rows it has built, hidden while off
/// the page.
const SHOWN_ROWS: &str = "tr.key-result:not([hidden])";

fn row_ids(root: &Element) -> Vec<String> {
    all(root, SHOWN_ROWS).iter().map(|row| row.get_attribute("data-kr").unwrap()).collect()
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

fn fire(element: &Element, kind: &str) {
    let event = web_sys::Event::new_with_event_init_dict(kind, &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Mounts the OKR section with a filter held in a signal, as the URL would hold it.
fn mount_okrs(filter: RwSignal<Filter>) -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(FilterState::held(filter));
        view! { <OkrSection report=report() /> }
    });
    (root, Unmount(Some(handle)))
}

struct Unmount<T>(Option<T>);
impl<T> Drop for Unmount<T> {
    fn drop(&mut self) {
        drop(self.0.take());
    }
}

#[wasm_bindgen_test]
async fn table_shows_all_sixteen_key_results_with_status_words() {
    let (root, _mounted) = mount_okrs(RwSignal::new(Filter::default()));
    settle().await;
    assert_eq!(row_ids(&root).len(), 16);
    assert_eq!(all(&root, "tbody.objective").len(), 4);
    let first = &all(&root, SHOWN_ROWS)[0];
    assert_eq!(text(first, "th"), "KR 1.1");
    assert_eq!(text(first, ".status").trim(), "● On target");
    assert!(text(&root, ".result-count").contains("All 16 key results"));
}

#[wasm_bindgen_test]
async fn rows_that_stay_through_a_filter_change_are_the_same_elements() {
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    let row = |id: &str| root.query_selector(&format!("tr[data-kr='{id}']")).unwrap().unwrap();
    let (before, left_out) = (row("2.1"), row("1.1"));
    filter.set(Filter { objective: Some("2".into()), ..Filter::default() });
    settle().await;
    assert!(row("2.1").is_same_node(Some(&before)), "narrowing kept the row");
    assert_eq!(text(&root, "tbody[data-objective='2'] .objective-count"), "3 key results");
    // The rows the filter leaves out stay built, hidden, with their objective's group: showing
    // them again builds nothing.
    assert!(left_out.has_attribute("hidden"), "a row left out is hidden");
    assert!(root.query_selector("tbody[data-objective='1']").unwrap().unwrap().has_attribute("hidden"));
    assert!(!root.query_selector("tbody[data-objective='2']").unwrap().unwrap().has_attribute("hidden"));
    assert_eq!(all(&root, "tr.key-result").len(), 16);
    filter.set(Filter::default());
    settle().await;
    assert!(row("2.1").is_same_node(Some(&before)), "clearing kept the row");
    assert!(row("1.1").is_same_node(Some(&left_out)), "clearing showed the hidden row again");
    assert!(!left_out.has_attribute("hidden"));
    assert_eq!(row_ids(&root).len(), 16);
    assert_eq!(row_ids(&root)[0], "1.1", "rows come back in the report's order");
}

#[wasm_bindgen_test]
async fn objective_filter_shows_its_three_key_results_and_counts() {
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    filter.set(Filter { objective: Some("2".into()), ..Filter::default() });
    settle().await;
    assert_eq!(row_ids(&root), vec!["2.1", "2.2", "2.3"]);
    assert_eq!(text(&root, ".result-count"), "3 of 16 key results");
}

#[wasm_bindgen_test]
async fn choosing_an_objective_in_the_select_reports_the_new_filter() {
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    let select: HtmlSelectElement = root.query_selector("#objective-filter").unwrap().unwrap().unchecked_into();
    select.set_value("4");
    fire(&select, "change");
    settle().await;
    assert_eq!(filter.get_untracked().objective.as_deref(), Some("4"));
    assert_eq!(row_ids(&root), vec!["4.1", "4.2", "4.3", "4.4", "4.5"]);
    // Once a reader has picked options, the select follows a filter set elsewhere (Back and
    // Forward, a chart segment, "Clear all filters"): the options are kept, so their selection
    // must be set, not only their attribute.
    select.set_value("");
    fire(&select, "change");
    settle().await;
    for objective in [Some("4"), Some("1"), None] {
        filter.set(Filter { objective: objective.map(str::to_string), ..Filter::default() });
        settle().await;
        assert_eq!(select.value(), objective.unwrap_or(""), "the select shows {objective:?}");
    }
}

/// Row groups built after the first view (the page opened filtered to objective 3, then
/// cleared) take their places in the report's order.
#[wasm_bindgen_test]
async fn row_groups_built_later_take_their_place_in_the_report_order() {
    let filter = RwSignal::new(Filter { objective: Some("3".into()), ..Filter::default() });
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    let groups = || -> Vec<String> {
        all(&root, "tbody.objective").iter().map(|group| group.get_attribute("data-objective").unwrap()).collect()
    };
    assert_eq!(groups(), ["3"], "only the groups on the page are built");
    filter.set(Filter::default());
    settle().await;
    assert_eq!(groups(), ["1", "2", "3", "4"]);
    assert_eq!(row_ids(&root).len(), 16);
    assert_eq!(row_ids(&root)[0], "1.1");
}

#[wasm_bindgen_test]
async fn typing_audit_leaves_only_kr_3_3() {
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    let input: HtmlInputElement = root.query_selector("#text-filter").unwrap().unwrap().unchecked_into();
    input.set_value("AUDIT");
    fire(&input, "input");
    settle().await;
    assert_eq!(row_ids(&root), vec!["3.3"]);
}

#[wasm_bindgen_test]
async fn status_checkboxes_combine_and_show_live_counts() {
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    let labels: Vec<String> = all(&root, ".status-option").iter().map(|l| l.text_content().unwrap()).collect();
    assert!(labels.iter().any(|l| l.contains("In progress (6)")), "{labels:?}");
    for slug in ["completed", "not-started"] {
        let checkbox = root.query_selector(&format!("input[value='{slug}']")).unwrap().unwrap();
        checkbox.unchecked_ref::<HtmlElement>().click();
        settle().await;
    }
    assert_eq!(row_ids(&root), vec!["3.1", "4.2"]);
    assert!(root.query_selector(".clear-filters:disabled").unwrap().is_none());
}

/// The filter bar shows the counts `filter::apply` gives, updated in place as the filter changes,
/// and offers a status the reader chose that the report does not use until it is cleared.
#[wasm_bindgen_test]
async fn filter_counts_update_in_place_and_a_chosen_unused_status_is_offered() {
    use quarterly::app::views::okr_table::objective_label;
    use quarterly_core::filter::{apply, SearchIndex};
    use quarterly_core::model::StatusKind;
    let report = report();
    let index = SearchIndex::new(&report);
    let expected = |filter: &Filter| {
        let filtered = apply(&report, &index, filter);
        let statuses: Vec<String> = filtered
            .status_counts
            .iter()
            .map(|(kind, count)| format!("{} {} ({count})", kind.symbol(), kind.label()))
            .collect();
        let objectives: Vec<String> = filtered
            .objective_counts
            .iter()
            .map(|(id, count)| format!("{} ({count})", objective_label(&report, id)))
            .collect();
        (statuses, objectives)
    };
    let shown = |root: &Element| {
        let statuses = all(root, ".status-option").iter().map(|l| l.text_content().unwrap()).collect::<Vec<_>>();
        let objectives =
            all(root, "#objective-filter option:not([value=''])").iter().map(|o| o.text_content().unwrap()).collect();
        (statuses, objectives)
    };
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    assert_eq!(shown(&root), expected(&Filter::default()));
    let (first_box, first_option) = (
        root.query_selector(".status-option input").unwrap().unwrap(),
        root.query_selector("#objective-filter option[value='1']").unwrap().unwrap(),
    );
    let slug = first_box.get_attribute("value").unwrap();
    let unused = *StatusKind::ALL
        .iter()
        .find(|kind| root.query_selector(&format!("input[value='{}']", kind.slug())).unwrap().is_none())
        .expect("the report leaves a status of the vocabulary unused");
    // A text filter changes the counts, not the statuses offered.
    let narrowed = Filter { text: "security".into(), ..Filter::default() };
    filter.set(narrowed.clone());
    settle().await;
    assert_ne!(expected(&narrowed), expected(&Filter::default()), "the text changes some counts");
    assert_eq!(shown(&root), expected(&narrowed));
    let kept = root.query_selector(&format!("input[value='{slug}']")).unwrap().unwrap();
    assert!(kept.is_same_node(Some(&first_box)), "a checkbox is kept while its count changes");
    let kept = root.query_selector("#objective-filter option[value='1']").unwrap().unwrap();
    assert!(kept.is_same_node(Some(&first_option)), "an option is kept while its count changes");
    let chosen = Filter { statuses: vec![unused], ..narrowed };
    filter.set(chosen.clone());
    settle().await;
    assert_eq!(shown(&root), expected(&chosen));
    let offered: HtmlInputElement =
        root.query_selector(&format!("input[value='{}']", unused.slug())).unwrap().unwrap().unchecked_into();
    assert!(offered.checked(), "the chosen status is offered, checked");
    filter.set(Filter::default());
    settle().await;
    assert_eq!(shown(&root), expected(&Filter::default()));
    assert!(root.query_selector(&format!("input[value='{}']", unused.slug())).unwrap().is_none());
}

#[wasm_bindgen_test]
async fn empty_state_names_the_text_and_clears() {
    let filter = RwSignal::new(Filter { text: "zebra".into(), ..Filter::default() });
    let (root, _mounted) = mount_okrs(filter);
    settle().await;
    assert!(row_ids(&root).is_empty());
    assert!(text(&root, ".empty-state").contains("No key result mentions “zebra”"));
    root.query_selector(".empty-state button").unwrap().unwrap().unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(filter.get_untracked(), Filter::default());
    assert_eq!(row_ids(&root).len(), 16);
}

#[wasm_bindgen_test]
async fn unknown_and_missing_statuses_say_so_in_words() {
    let root = container();
    let _mounted = Unmount(Some(leptos::mount::mount_to(root.clone(), || {
        view! {
            <StatusBadge status=Status::from_written("Yellowish") />
            <StatusBadge status=None />
        }
    })));
    settle().await;
    let badges: Vec<String> = all(&root, ".status").iter().map(|b| b.text_content().unwrap()).collect();
    assert_eq!(badges, vec!["? Unknown: Yellowish", "– No status"]);
}

#[wasm_bindgen_test]
async fn only_web_links_become_anchors_and_html_stays_text() {
    let root = container();
    let inlines = vec![
        Inline::Link { url: "javascript:alert(1)".into(), children: vec![Inline::Text { text: "bad".into() }] },
        Inline::Link { url: "https://openssf.org".into(), children: vec![Inline::Text { text: "good".into() }] },
        Inline::Text { text: "<img src=x onerror=alert(2)>".into() },
    ];
    let _mounted =
        Unmount(Some(leptos::mount::mount_to(root.clone(), move || view! { <Inlines inlines=inlines.clone() /> })));
    settle().await;
    let anchors = all(&root, "a");
    assert_eq!(anchors.len(), 1);
    assert_eq!(anchors[0].get_attribute("href").as_deref(), Some("https://openssf.org"));
    assert_eq!(anchors[0].get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert!(all(&root, "img").is_empty());
    assert!(root.text_content().unwrap().contains("<img src=x onerror=alert(2)>"));
}

#[wasm_bindgen_test]
async fn a_chart_segment_filters_to_its_objective_and_status_by_click_or_keyboard() {
    use quarterly::app::views::status_chart::StatusChart;
    use quarterly_core::model::StatusKind;
    let filter = RwSignal::new(Filter::default());
    let root = container();
    let _mounted = Unmount(Some(leptos::mount::mount_to(root.clone(), move || {
        provide_context(FilterState::held(filter));
        view! { <StatusChart report=report() /> }
    })));
    settle().await;
    assert_eq!(all(&root, ".glance-row").len(), 4);
    assert_eq!(
        text(&root, ".glance-row[data-objective='4'] .glance-words"),
        "2 in progress · 2 on target · 1 completed"
    );
    let segment = root.query_selector(".glance-row[data-objective='3'] rect.status-not-started").unwrap().unwrap();
    assert_eq!(segment.get_attribute("aria-label").as_deref(), Some("Objective 3: 1 not started — show them"));
    fire(&segment, "click");
    settle().await;
    assert_eq!(
        filter.get_untracked(),
        Filter { objective: Some("3".into()), statuses: vec![StatusKind::NotStarted], ..Filter::default() }
    );
    let completed = root.query_selector(".glance-row[data-objective='4'] rect.status-completed").unwrap().unwrap();
    let enter = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    completed.dispatch_event(&enter).unwrap();
    settle().await;
    assert_eq!(filter.get_untracked().statuses, vec![StatusKind::Completed]);
}

/// The bundled report with `objectives` objectives of `per` key results each, "Result 1" to
/// "Result {per}", with the statuses `status` gives their numbers.
fn synthetic(objectives: usize, per: usize, status: impl Fn(usize) -> &'static str) -> Arc<Report> {
    use quarterly_core::model::{KeyResult, Objective};
    let mut big = (*report()).clone();
    big.objectives = (1..=objectives)
        .map(|o| Objective {
            id: o.to_string(),
            title: vec![Inline::Text { text: format!("Objective {o}") }],
            key_results: (1..=per)
                .map(|k| KeyResult {
                    id: format!("{o}.{k}"),
                    text: vec![Inline::Text { text: format!("Result {k}") }],
                    status: Status::from_written(status(k)),
                })
                .collect(),
        })
        .collect();
    Arc::new(big)
}

/// Mounts the OKR section of `report` with a filter held in a signal.
fn mount_report(report: Arc<Report>, filter: RwSignal<Filter>) -> (HtmlElement, impl Drop) {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(FilterState::held(filter));
        view! { <OkrSection report=report.clone() /> }
    });
    (root, Unmount(Some(handle)))
}

#[wasm_bindgen_test]
async fn a_huge_report_lays_out_a_page_of_rows_at_a_time() {
    use quarterly::app::views::okr_table::ROWS_PER_PAGE;
    // Three objectives of three quarters of a page each: the first page ends inside objective 2.
    let (page, per) = (ROWS_PER_PAGE, ROWS_PER_PAGE * 3 / 4);
    let total = 3 * per;
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_report(synthetic(3, per, |_| "Started"), filter);
    settle().await;
    assert_eq!(row_ids(&root).len(), page);
    assert_eq!(all(&root, "tr.key-result").len(), page, "a long report builds only the page's rows");
    assert_eq!(
        text(&root, ".more-rows button"),
        format!("Show {} more ({} not shown yet)", page.min(total - page), total - page)
    );
    // The second objective's header still counts all of its matching key results.
    assert!(text(&root, "tbody[data-objective='2'] .objective-count").contains(&format!("{per} key results")));
    // Rows are built when they first come onto the page and kept after: a filter hides them, and
    // clearing it shows the same rows again, in the report's order, building nothing.
    let first = root.query_selector("tr[data-kr='1.1']").unwrap().unwrap();
    let threes = |k: &usize| format!("result {k}").contains("result 3");
    filter.set(Filter { text: "result 3".into(), ..Filter::default() });
    settle().await;
    filter.set(Filter { objective: Some("3".into()), ..Filter::default() });
    settle().await;
    // Objective 3's rows were built around those the text showed first: each in its place.
    assert_eq!(row_ids(&root), (1..=per).map(|k| format!("3.{k}")).collect::<Vec<_>>());
    let built = page + (page - per + 1..=per).filter(threes).count() + per;
    assert_eq!(all(&root, "tr.key-result").len(), built, "rows off the page stay built, hidden");
    assert!(first.has_attribute("hidden"));
    filter.set(Filter::default());
    settle().await;
    let first_page: Vec<String> =
        (1..=per).map(|k| format!("1.{k}")).chain((1..=page - per).map(|k| format!("2.{k}"))).collect();
    assert_eq!(row_ids(&root), first_page);
    assert!(root.query_selector("tr[data-kr='1.1']").unwrap().unwrap().is_same_node(Some(&first)), "the row was kept");
    assert!(root.query_selector("tbody[data-objective='3']").unwrap().unwrap().has_attribute("hidden"));
    root.query_selector(".more-rows button").unwrap().unwrap().unchecked_ref::<HtmlElement>().click();
    settle().await;
    assert_eq!(row_ids(&root).len(), (2 * page).min(total));
    let left = total.saturating_sub(2 * page);
    assert_eq!(text(&root, ".more-rows button"), format!("Show {} more ({left} not shown yet)", page.min(left)));
    // Printing shows every row.
    window().dispatch_event(&web_sys::Event::new("beforeprint").unwrap()).unwrap();
    settle().await;
    assert_eq!(row_ids(&root).len(), total);
    // A new filter starts from the first page again.
    filter.set(Filter { text: "result".into(), ..Filter::default() });
    settle().await;
    assert_eq!(row_ids(&root).len(), page);
    filter.set(Filter { objective: Some("3".into()), ..Filter::default() });
    settle().await;
    assert_eq!(row_ids(&root).len(), per);
    assert!(root.query_selector(".more-rows").unwrap().is_none());
}

/// With the site's stylesheet, the status checkboxes and the search box stay where they are
/// while the counts lose digits as a reader types (300 key results of a status, then 8).
#[wasm_bindgen_test]
async fn the_search_box_stays_put_while_the_counts_shrink() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../public/quarterly.css")));
    document().head().unwrap().append_child(&style).unwrap();
    let statuses = ["Started", "In progress", "On target", "Completed"];
    let filter = RwSignal::new(Filter::default());
    let (root, _mounted) = mount_report(synthetic(4, 300, move |k| statuses[k % statuses.len()]), filter);
    // Wide enough for the whole filter bar on one line, as on a desktop.
    root.style().set_property("width", "1600px").unwrap();
    settle().await;
    // Where the search box and the last checkbox are, and the last one's width.
    let places = || {
        ["#text-filter", ".status-option:last-child"].map(|selector| {
            let rect = root.query_selector(selector).unwrap().unwrap().get_bounding_client_rect();
            [rect.x(), rect.y(), rect.width()]
        })
    };
    // The same, to a pixel (layout rounds widths to fractions of a pixel in its own way).
    let same = |a: [[f64; 3]; 2], b: [[f64; 3]; 2]| {
        a.iter().flatten().zip(b.iter().flatten()).all(|(a, b)| (a - b).abs() < 1.0)
    };
    let before = places();
    assert!(text(&root, ".status-option").ends_with("(300)"), "{}", text(&root, ".status-option"));
    filter.set(Filter { text: "result 7".into(), ..Filter::default() });
    settle().await;
    assert!(text(&root, ".status-option").ends_with("(8)"), "{}", text(&root, ".status-option"));
    assert!(same(places(), before), "{:?} then {:?}", before, places());
    // Both controls sit under a label of one line: the search box is on the checkboxes' line.
    let select = root.query_selector("#objective-filter").unwrap().unwrap().get_bounding_client_rect();
    assert!((select.y() - before[0][1]).abs() < 8.0, "the filter bar is on one line");
    root.remove();
    style.remove();
}

/// A page's HTML without the renderer's placeholder comments (a part built later has one).
fn without_comments(root: &Element) -> String {
    let html = root.inner_html();
    let mut out = String::new();
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("-->").map_or("", |end| &rest[start + end + 3..]);
    }
    out + rest
}

/// Waits for the frame after this one to be painted (an animation frame, then a task).
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let resolve = wasm_bindgen::closure::Closure::once_into_js(move || {
            window().set_timeout_with_callback(resolve.unchecked_ref()).unwrap();
        });
        window().request_animation_frame(resolve.unchecked_ref()).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A page built off the document for as long as a test holds it, ended even when the test fails:
/// no other test may find its parts held.
struct Staged;

impl Staged {
    fn begin() -> Self {
        quarterly::app::staging::begin();
        Staged
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        quarterly::app::staging::end();
    }
}

/// While a page is built off the document, a click on the page shown is the browser's alone: a
/// listener on the window (as the app's router has one) does not hear it, and nothing cancels
/// it. Once the page is shown, clicks reach the window again.
#[wasm_bindgen_test]
async fn while_a_page_is_built_off_the_document_clicks_on_the_page_shown_are_the_browsers() {
    use std::cell::Cell;
    use std::rc::Rc;
    let root = container();
    root.set_inner_html("<button type=\"button\">static copy</button>");
    let button = root.query_selector("button").unwrap().unwrap();
    let heard = Rc::new(Cell::new(0));
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new({
        let heard = heard.clone();
        move |_: web_sys::Event| heard.set(heard.get() + 1)
    });
    window().add_event_listener_with_callback("click", listener.as_ref().unchecked_ref()).unwrap();
    let click = || {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        button.dispatch_event(&web_sys::Event::new_with_event_init_dict("click", &init).unwrap()).unwrap()
    };
    let staged = Staged::begin();
    assert!(click(), "the browser keeps its default");
    assert_eq!(heard.get(), 0, "the window did not hear it");
    drop(staged);
    assert!(click());
    assert_eq!(heard.get(), 1, "once the page is shown, the window hears clicks");
    window().remove_event_listener_with_callback("click", listener.as_ref().unchecked_ref()).unwrap();
    root.remove();
}

/// Taking over in parts: while a page is built off the document, each part marked `Later` is
/// built when its turn comes (in the page's order), what waits for a paint waits for the page to
/// be shown, and the page built in parts is the page built at once.
#[wasm_bindgen_test]
async fn a_page_built_in_parts_builds_each_part_in_turn_and_ends_as_the_whole() {
    use quarterly::app::{perf, staging};
    use std::cell::Cell;
    use std::rc::Rc;
    let mount = |filter: RwSignal<Filter>| {
        let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            provide_context(FilterState::held(filter));
            view! { <OkrSection report=report() /> }
        });
        (root, Unmount(Some(handle)))
    };
    let (whole, _whole) = mount(RwSignal::new(Filter::default()));
    settle().await;
    let staged = Staged::begin();
    let (parts, _parts) = mount(RwSignal::new(Filter::default()));
    let shown = Rc::new(Cell::new(false));
    perf::after_paint({
        let shown = shown.clone();
        move || shown.set(true)
    });
    settle().await;
    let (filter_bar, rows) = (|| all(&parts, "#objective-filter").len(), || all(&parts, "tr.key-result").len());
    assert_eq!((filter_bar(), rows()), (0, 0), "the filter bar and the rows wait");
    assert!(!text(&parts, ".result-count").is_empty(), "what is not marked Later is built at once");
    assert!(staging::release_next());
    settle().await;
    assert_eq!((filter_bar(), rows()), (1, 0), "the filter bar comes first, the rows wait");
    assert!(staging::release_next());
    settle().await;
    assert_eq!((filter_bar(), rows()), (1, 16));
    assert!(!staging::release_next(), "nothing is left to build");
    painted().await;
    painted().await;
    assert!(!shown.get(), "nothing waiting for a paint runs before the page is shown");
    drop(staged);
    painted().await;
    assert!(shown.get(), "it runs once the page is shown");
    assert_eq!(without_comments(&parts), without_comments(&whole), "the same page as built at once");
    // A page whose parts were not all built when it was shown builds them then.
    let staged = Staged::begin();
    let (cut_short, _cut_short) = mount(RwSignal::new(Filter::default()));
    settle().await;
    drop(staged);
    settle().await;
    assert_eq!(all(&cut_short, "tr.key-result").len(), 16);
    // No page built off the document: nothing waits.
    let (at_once, _at_once) = mount(RwSignal::new(Filter::default()));
    assert_eq!(all(&at_once, "tr.key-result").len(), 16);
}

/// Taking over a pre-rendered page keeps the reader's place: the scroll position and the focused
/// control (the app's control with the same id), with nothing of the old content left; what the
/// reader typed there before the app took over reaches the app's control, as typing does.
#[wasm_bindgen_test]
async fn taking_over_keeps_the_scroll_position_and_the_focused_control() {
    use quarterly::app::take_over;
    use std::cell::RefCell;
    use std::rc::Rc;
    let root = container();
    let page = |marker: &str| {
        format!("<div style=\"height: 3000px\"><p class=\"{marker}\">report</p><input id=\"text-filter\" type=\"search\"></div>")
    };
    root.set_inner_html(&page("static-copy"));
    let input: HtmlInputElement = document().get_element_by_id("text-filter").unwrap().unchecked_into();
    input.focus().unwrap();
    input.set_value("audit");
    window().scroll_to_with_x_and_y(0.0, 500.0);
    assert_eq!(window().scroll_y().unwrap(), 500.0);
    let (target, heard) = (root.clone(), Rc::new(RefCell::new(Vec::new())));
    let listener = {
        let heard = heard.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let input: HtmlInputElement = event.target().unwrap().unchecked_into();
            heard.borrow_mut().push(input.value());
        })
    };
    let listening = root.clone();
    take_over(&root, move || {
        target.set_inner_html(&page("app"));
        listening.add_event_listener_with_callback("input", listener.as_ref().unchecked_ref()).unwrap();
        listener.forget();
    });
    assert!(root.query_selector(".static-copy").unwrap().is_none(), "the static copy is gone");
    assert!(root.query_selector(".app").unwrap().is_some());
    assert_eq!(window().scroll_y().unwrap(), 500.0);
    let focused = document().active_element().unwrap();
    assert_eq!(focused.id(), "text-filter");
    assert!(!focused.is_same_node(Some(&input)), "focus moved to the app's control");
    assert_eq!(focused.unchecked_ref::<HtmlInputElement>().value(), "audit");
    assert_eq!(*heard.borrow(), ["audit"], "the app heard the text typed, as an input event");
    root.remove();
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

const CATALOG_JSON: &str = include_str!("../public/data/index.json");

/// The cells of an initiative's row in the filing grid, by the quarter of their column.
fn grid_cell(root: &Element, initiative: &str, quarter: &str) -> Element {
    let headers: Vec<String> =
        all(root, "thead th[scope='col']").iter().skip(1).map(|th| th.text_content().unwrap()).collect();
    let column = headers.iter().position(|h| h == quarter).unwrap_or_else(|| panic!("no {quarter} in {headers:?}"));
    let row = root
        .query_selector(&format!("tr[data-initiative='{initiative}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no row {initiative}"));
    all(&row, "td").into_iter().nth(column).unwrap()
}

#[wasm_bindgen_test]
async fn the_filing_grid_says_filed_or_not_filed_in_words_in_a_focusable_region() {
    use quarterly::app::views::filings_page::FilingTable;
    use quarterly_core::foundation::FilingGrid;
    let catalog: quarterly_core::model::Catalog = serde_json::from_str(CATALOG_JSON).unwrap();
    let root = container();
    let grid = FilingGrid::new(&catalog);
    let _mounted =
        Unmount(Some(leptos::mount::mount_to(root.clone(), move || view! { <FilingTable grid=grid.clone() /> })));
    settle().await;
    let missing = grid_cell(&root, "sigstore", "2025 Q4");
    assert_eq!(missing.text_content().unwrap().trim(), "○ Not filed");
    assert!(missing.query_selector("a").unwrap().is_none());
    let filed = grid_cell(&root, "vd-wg", "2025 Q4");
    let link = filed.query_selector("a").unwrap().expect("a filed cell links to its report");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/vd-wg/2025-q4"));
    assert_eq!(link.text_content().unwrap().trim(), "● Filed: VD WG, 2025 Q4");
    assert_eq!(text(&filed, ".visually-hidden"), ": VD WG, 2025 Q4", "the context is for screen readers only");
    // Symbols are decoration: the words carry the state.
    assert!(all(&root, ".filing-symbol")
        .iter()
        .all(|symbol| symbol.get_attribute("aria-hidden").as_deref() == Some("true")));
    let region = root.query_selector(".filing-scroll").unwrap().unwrap();
    assert_eq!(
        (region.get_attribute("role").as_deref(), region.get_attribute("tabindex").as_deref()),
        (Some("region"), Some("0"))
    );
    assert!(region.get_attribute("aria-label").is_some_and(|label| !label.is_empty()));
    assert_eq!(all(&root, "tbody th[scope='row']").len(), catalog.initiatives.len());
}

#[wasm_bindgen_test]
async fn search_snippets_mark_the_matched_words_as_elements_and_keep_html_as_text() {
    use quarterly::app::views::search_page::SearchHits;
    use quarterly_core::foundation::search;
    use quarterly_core::model::summary::{Passage, ReportPassages, SearchCorpus};
    use quarterly_core::model::Period;
    let passage = |anchor: &str, text: &str| Passage {
        anchor: anchor.into(),
        place: "Activity: Audits · Purpose".into(),
        text: text.into(),
    };
    let corpus = Arc::new(SearchCorpus {
        format: 1,
        reports: vec![ReportPassages {
            initiative: "vd-wg".into(),
            period: Period { year: 2025, quarter: 4 },
            passages: vec![
                passage("activity-1-purpose", "<b onclick=x>Auditing</b> the CVE <img src=x onerror=alert(1)> records"),
                passage("overview", "Nothing to see"),
            ],
        }],
    });
    let results = search(&corpus, "cve AUDIT", 200);
    let names = vec![quarterly_core::model::registry::InitiativeEntry {
        slug: "vd-wg".into(),
        name: "Vulnerability Disclosures WG".into(),
        ..Default::default()
    }];
    let root = container();
    let _mounted = Unmount(Some(leptos::mount::mount_to(root.clone(), move || {
        view! { <SearchHits results=results.clone() corpus=corpus.clone() names=names.clone() query="cve AUDIT".to_string() /> }
    })));
    settle().await;
    let marks: Vec<String> = all(&root, "mark").iter().map(|mark| mark.text_content().unwrap()).collect();
    assert_eq!(marks, ["Audit", "CVE"]);
    assert!(all(&root, "b, img").is_empty(), "report text never becomes markup");
    assert_eq!(text(&root, ".snippet"), "<b onclick=x>Auditing</b> the CVE <img src=x onerror=alert(1)> records");
    assert_eq!(text(&root, ".search-report h2"), "Vulnerability Disclosures WG · 2025 Q4");
    let place = root.query_selector(".hit-place").unwrap().unwrap();
    assert_eq!(place.get_attribute("href").as_deref(), Some("/vd-wg/2025-q4#activity-1-purpose"));
    assert_eq!(place.text_content().unwrap(), "Activity: Audits · Purpose");
    assert_eq!(text(&root, ".result-count"), "1 passage matches “cve AUDIT”.");
}
