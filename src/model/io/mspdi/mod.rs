//! MS Project XML (MSPDI) in and out: the format MS Project 2002 to 2021/365, ProjectLibre,
//! GanttProject and others read and write.
//!
//! [`read_mspdi`] turns a file into a checked [`ProjectFile`] plus a list of what did not carry
//! over ([`Loss`]); [`write_mspdi`] does the reverse. Both are pure: ids and `today` come in as
//! parameters. The mapping both ways and every loss are documented in `docs/interchange.md`;
//! the sentences people read are in [`wording`].
//!
//! Left out here: the UI (the "Import report" dialog) and the Web Worker that runs this code.

mod calendar;
mod fields;
mod links;
mod people;
mod read;
// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod uid;
pub mod wording;
mod write;
mod xml;

pub use read::{read_mspdi, read_mspdi_with};
pub use uid::stable_uid;
pub use write::write_mspdi;

use super::ProjectFile;
use serde::{Deserialize, Serialize};

/// The namespace every MSPDI file (2002 to 2021/365) declares on its root `Project` element.
pub const NAMESPACE: &str = "http://schemas.microsoft.com/project";

/// What an MSPDI file holds, ready for the "Import report" and then for merging.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MspdiImport {
    /// The project and the people its team names; passes `validate`.
    pub file: ProjectFile,
    /// How much arrives.
    pub counts: ImportCounts,
    /// What did not carry over, one entry per kind, in a fixed order.
    pub losses: Vec<Loss>,
}

/// How much an import brings in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCounts {
    pub tasks: usize,
    pub dependencies: usize,
    pub people: usize,
    pub baselines: usize,
}

/// An MSPDI file written from a project, with what it could not carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MspdiExport {
    pub xml: String,
    pub losses: Vec<Loss>,
}

/// One kind of thing that did not carry over, and how many times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loss {
    pub kind: LossKind,
    pub count: usize,
}

/// What did not carry over between MSPDI and Ironplan. Each kind has one sentence in
/// [`wording::describe_loss`] saying what Ironplan did instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    // ----- Import -----
    /// Blank (null) task rows, skipped.
    NullRowsSkipped,
    /// Tasks without a name, named after their row number.
    UnnamedTasks,
    /// Names or notes longer than Ironplan keeps, shortened.
    TextShortened,
    /// Manually scheduled tasks: kept on their dates with "Start no earlier than".
    ManualScheduling,
    /// Inactive tasks: imported as ordinary tasks tagged "Inactive".
    InactiveTasks,
    /// Milestones with subtasks: imported as summary tasks.
    SummaryMilestones,
    /// Lags in elapsed time: converted to working days with the calendar's working week.
    ElapsedLags,
    /// Lags as a percentage of the predecessor's duration: converted to working days.
    PercentLags,
    /// Lags that are not whole working days: rounded to the nearest day.
    FractionalLags,
    /// Lags beyond Ironplan's limit: cut to the limit.
    LagsCapped,
    /// Links to tasks outside the file (other projects, missing or blank rows): left out.
    LinksOutsideFile,
    /// Links between a summary task and its own subtasks, or repeated: left out.
    LinksWithinHierarchy,
    /// Links that closed a loop: left out.
    LinksInLoops,
    /// Tasks with two or more work resources: the first is the assignee, the others are named
    /// in the description.
    MultipleResources,
    /// Material and cost resources: left out (their costs stay in the task cost in MS Project).
    MaterialOrCostResources,
    /// Assignments to resources that are not in the file: left out.
    UnknownResources,
    /// Task costs that differ from what Ironplan computes (fixed cost plus work at the
    /// assignee's rate): Ironplan computes them.
    CostsRecomputed,
    /// Custom field (extended attribute) values: left out.
    CustomFieldValues,
    /// Tasks, resources or assignments on other calendars than the project's: the project
    /// calendar is used.
    OtherCalendars,
    /// Baselines with numbers above 10: left out.
    ExtraBaselines,
    /// Resources' maximum units above what a week has: capacity capped at 168 hours.
    CapacityCapped,
    /// Dates outside 1900–2199: moved into range.
    DatesOutOfRange,
    /// Recurring task parents: imported as ordinary summary tasks.
    RecurringTasks,

    // ----- Export -----
    /// Board columns and statuses: only percent complete goes to MS Project.
    BoardColumns,
    /// Tags: not in MS Project XML.
    Tags,
    /// Time entries: not in MS Project XML (actual work is not written).
    TimeEntries,
    /// Risks and issues: not in MS Project XML.
    Risks,
    /// Earlier baselines: only the latest is written, as Baseline 0.
    EarlierBaselines,
    /// Scope log, stand-ups and status reports: not in MS Project XML.
    History,
    /// Actual fixed costs: not in MS Project XML.
    ActualFixedCosts,
    /// The project budget: not in MS Project XML.
    Budget,
}

impl LossKind {
    /// Every kind, in report order: import losses first, then export losses.
    pub const ALL: [LossKind; 31] = [
        LossKind::NullRowsSkipped,
        LossKind::UnnamedTasks,
        LossKind::TextShortened,
        LossKind::ManualScheduling,
        LossKind::InactiveTasks,
        LossKind::SummaryMilestones,
        LossKind::ElapsedLags,
        LossKind::PercentLags,
        LossKind::FractionalLags,
        LossKind::LagsCapped,
        LossKind::LinksOutsideFile,
        LossKind::LinksWithinHierarchy,
        LossKind::LinksInLoops,
        LossKind::MultipleResources,
        LossKind::MaterialOrCostResources,
        LossKind::UnknownResources,
        LossKind::CostsRecomputed,
        LossKind::CustomFieldValues,
        LossKind::OtherCalendars,
        LossKind::ExtraBaselines,
        LossKind::CapacityCapped,
        LossKind::DatesOutOfRange,
        LossKind::RecurringTasks,
        LossKind::BoardColumns,
        LossKind::Tags,
        LossKind::TimeEntries,
        LossKind::Risks,
        LossKind::EarlierBaselines,
        LossKind::History,
        LossKind::ActualFixedCosts,
        LossKind::Budget,
    ];
}

/// Why an MSPDI file could not be read. Nothing changes when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MspdiError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is neither UTF-8 nor UTF-16 with a byte order mark")]
    Encoding,
    #[error("the file declares a document type (DOCTYPE) at line {line}, column {column}")]
    DocType { line: usize, column: usize },
    #[error("the file uses the entity &{name}; at line {line}, column {column}")]
    Entity {
        name: String,
        line: usize,
        column: usize,
    },
    #[error("not well-formed XML at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("nesting deeper than {limit} levels at line {line}, column {column}")]
    TooDeep {
        line: usize,
        column: usize,
        limit: usize,
    },
    #[error("text of {length} characters at line {line}, column {column} is over the {limit}-character limit")]
    StringTooLong {
        line: usize,
        column: usize,
        length: usize,
        limit: usize,
    },
    #[error("{count} tasks is over the {limit}-task limit")]
    TooManyTasks { count: usize, limit: usize },
    #[error("not an MS Project XML file")]
    NotMsProject,
    #[error("the project could not be built: {0}")]
    Invalid(String),
}

/// Collects losses by kind; the report lists them in [`LossKind`] order.
#[derive(Debug, Default)]
pub(crate) struct Losses(std::collections::BTreeMap<LossKind, usize>);

impl Losses {
    pub fn add(&mut self, kind: LossKind, count: usize) {
        if count > 0 {
            *self.0.entry(kind).or_default() += count;
        }
    }

    pub fn one(&mut self, kind: LossKind) {
        self.add(kind, 1);
    }

    pub fn into_vec(self) -> Vec<Loss> {
        self.0
            .into_iter()
            .map(|(kind, count)| Loss { kind, count })
            .collect()
    }
}
