//! Test plans laid out whole, shared by the layout's tests and the export's: a plan starting
//! Monday 4 January 2027 on a Monday-to-Friday calendar (Mon 4 … Fri 8, Mon 11), built with
//! the model's `TestPlan`, and drawn on Wednesday 6 January.

use super::{layout, span, timeline_rows, LayoutInput, Preview, RowLayout, Scale, TimelineLayout};
use super::{TaskId, Window};
use crate::model::testing::{date, TestPlan};
use crate::model::{schedule, Dependency, LinkKind};
use std::collections::HashSet;

/// The day the plans are drawn on.
pub const TODAY: &str = "2027-01-06";

/// An empty plan starting Monday 4 January 2027.
pub fn plan() -> TestPlan {
    TestPlan::new("2027-01-04")
}

/// Makes `successor` wait for `predecessor`.
pub fn link(plan: &mut TestPlan, predecessor: TaskId, successor: TaskId, kind: LinkKind, lag: i32) {
    plan.link(
        successor,
        Dependency {
            predecessor,
            kind,
            lag,
        },
    );
}

/// The layout of every row (or of `window`) at `scale`, without a preview or baseline bars.
pub fn lay_out(plan: &TestPlan, scale: Scale, window: Option<Window>) -> TimelineLayout {
    lay_out_with(plan, scale, window, None, false)
}

/// The layout of every row (or of `window`) at `scale`, with every subtask shown.
pub fn lay_out_with(
    plan: &TestPlan,
    scale: Scale,
    window: Option<Window>,
    preview: Option<&Preview>,
    show_baseline: bool,
) -> TimelineLayout {
    let project = plan.project();
    let schedule = schedule::compute(project);
    let rows = timeline_rows(project, &HashSet::new());
    let today = date(TODAY);
    let span = span(project, &schedule, today);
    let window = window.unwrap_or_else(|| Window::everything(rows.rows.len(), span));
    layout(&LayoutInput {
        project,
        schedule: &schedule,
        rows: &rows,
        span,
        scale,
        window,
        today,
        preview,
        show_baseline,
    })
}

/// The laid-out row of task `id`.
pub fn row(layout: &TimelineLayout, id: TaskId) -> &RowLayout {
    layout.row(id).expect("the row is laid out")
}
