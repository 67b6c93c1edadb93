//! One module per thing a reader sees.

pub mod activities;
pub mod asks_page;
pub mod changes;
pub mod download;
pub mod embed_panel;
pub mod error_panel;
pub mod filings_page;
pub mod filter_bar;
pub mod history_page;
pub mod home_page;
pub mod later;
pub mod loading;
pub mod news_list;
pub mod not_found;
pub mod okr_table;
pub mod report_nav;
pub mod report_page;
pub mod report_view;
pub mod rich_text;
pub mod search_page;
pub mod site_header;
pub mod status_badge;
pub mod status_chart;
