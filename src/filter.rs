//! Filtering the OKR table.
