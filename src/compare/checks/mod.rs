pub mod date_conflict;
pub mod date_impossible;
pub mod date_weekday_mismatch;
pub mod person_name_variant;
pub mod person_non_canonical;
pub mod person_role_conflict;
pub mod person_title_conflict;
pub mod place_conflict;
