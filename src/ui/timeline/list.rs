//! The task list left of the chart: hierarchy with collapsible parents, title, start, end, total
//! float and, when the project has a baseline, the slip in working days.
//!
//! It scrolls with the chart because both sit in one scroller; it stays put sideways because
//! it is sticky. Only the rows of the layout's window are rendered, each positioned at its
//! row's y, keyed by task, with one memo of what it shows ([`ListRow`]).

use super::super::format;
use super::super::tasks::editor::TaskEditor;
use super::layout::{number, BarKind, RowLayout, LIST_WIDTH};
use super::TimelineContext;
use crate::model::TaskId;
use leptos::prelude::*;

/// What one list row shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListRow {
    /// The row's top in px, as CSS wants it.
    pub top: String,
    /// The row's `aria-rowindex`: the header is row 1.
    pub aria_row_index: String,
    pub depth: u16,
    pub has_children: bool,
    pub expanded: bool,
    pub title: String,
    pub milestone: bool,
    pub start: String,
    pub end: String,
    /// The slip as shown ("+3 d") and as read out ("3 working days late").
    pub slip: (String, String),
    /// The total float as shown ("3 d") and as read out ("3 working days").
    pub float: (String, String),
    /// Zero float or less.
    pub critical: bool,
}

impl ListRow {
    /// The list's view of a laid-out row.
    pub fn from_layout(row: &RowLayout) -> ListRow {
        ListRow {
            top: format!("{}px", number(row.y)),
            aria_row_index: (row.index + 2).to_string(),
            depth: row.depth,
            has_children: row.has_children,
            expanded: row.expanded,
            title: row.title.clone(),
            milestone: row.kind == BarKind::Milestone,
            start: format::date(row.start),
            end: format::date(row.end),
            slip: slip_text(row.slip),
            float: (
                format::float_short(row.float),
                format::float_days(row.float, row.critical),
            ),
            critical: format::is_critical(row.float, row.critical),
        }
    }
}

/// Slip against the baseline as shown and as read: "+3 d" (late), "−2 d" (early), "0 d", or a
/// dash for a task that was not in the baseline.
pub fn slip_text(slip: Option<i64>) -> (String, String) {
    match slip {
        None => ("—".to_string(), "Not in the baseline".to_string()),
        Some(0) => ("0 d".to_string(), "On the baseline".to_string()),
        Some(days) => {
            let count = days.unsigned_abs();
            let plural = if count == 1 { "day" } else { "days" };
            if days > 0 {
                (
                    format!("+{days} d"),
                    format!("{count} working {plural} late"),
                )
            } else {
                (
                    format!("−{count} d"),
                    format!("{count} working {plural} early"),
                )
            }
        }
    }
}

/// The list of the rendered rows, as an ARIA table.
#[component]
pub fn TimelineList(
    /// The Timeline's state.
    timeline: TimelineContext,
) -> impl IntoView {
    let total = Memo::new(move |_| timeline.rows.with(|rows| rows.rows.len()));
    let row_count = move || (total.get() + 1).to_string();
    let body_style = move || {
        let height = timeline.layout.with(|layout| layout.height);
        format!("height: {}px", number(height))
    };
    let class = move || {
        if timeline.has_baseline.get() {
            "timeline__list timeline__list--slip"
        } else {
            "timeline__list"
        }
    };
    let width = format!("width: {}px", number(LIST_WIDTH));
    view! {
        <div
            id="timeline-list"
            class=class
            style=width
            role="table"
            aria-label="Tasks on the timeline"
            aria-rowcount=row_count
        >
            <div class="timeline__list-header" role="row" aria-rowindex="1">
                <span role="columnheader" class="timeline__cell timeline__cell--title">
                    "Task"
                </span>
                <span role="columnheader" class="timeline__cell">
                    "Start"
                </span>
                <span role="columnheader" class="timeline__cell">
                    "End"
                </span>
                <span
                    role="columnheader"
                    class="timeline__cell timeline__cell--float"
                    title="Total float: working days the task can slip without moving the finish"
                >
                    "Float"
                </span>
                <Show when=move || timeline.has_baseline.get()>
                    <span
                        role="columnheader"
                        class="timeline__cell timeline__cell--slip"
                        title="Slip of the end date against the baseline, in working days"
                    >
                        "Slip"
                    </span>
                </Show>
            </div>
            <div class="timeline__list-body" role="rowgroup" style=body_style>
                <For
                    each=move || timeline.row_ids.get()
                    key=|task| *task
                    children=move |task| view! { <TimelineListRow timeline=timeline task=task /> }
                />
            </div>
        </div>
    }
}

/// One row of the list. Its elements stay while it is rendered, so a focused collapse button
/// keeps the focus when it is pressed.
#[component]
fn TimelineListRow(timeline: TimelineContext, task: TaskId) -> impl IntoView {
    let editor = TaskEditor::expect();
    // The laid-out row first, then what the list shows of it: the second memo (dates as text)
    // only runs when this row changed, not whenever the window moves.
    let laid_out = Memo::new(move |_| timeline.layout.with(|layout| layout.row(task).cloned()));
    let row = Memo::new(move |_| laid_out.with(|row| row.as_ref().map(ListRow::from_layout)));
    let read = move |field: fn(&ListRow) -> String| {
        move || row.with(|row| row.as_ref().map(field).unwrap_or_default())
    };
    let has_children =
        Memo::new(move |_| row.with(|row| row.as_ref().is_some_and(|row| row.has_children)));
    let expanded = Memo::new(move |_| row.with(|row| row.as_ref().is_some_and(|row| row.expanded)));
    let style = move || {
        row.with(|row| {
            row.as_ref()
                .map(|row| format!("top: {}; --depth: {}", row.top, row.depth))
                .unwrap_or_default()
        })
    };
    let row_index = read(|row| row.aria_row_index.clone());
    let class = move || {
        if timeline.selected.get() == Some(task) {
            "timeline__list-row timeline__list-row--selected"
        } else {
            "timeline__list-row"
        }
    };
    let toggle = move |event: web_sys::MouseEvent| {
        event.stop_propagation();
        timeline.collapsed.update(|collapsed| {
            if !collapsed.remove(&task) {
                collapsed.insert(task);
            }
        });
    };
    let toggle_label = move || {
        let verb = if expanded.get() { "Collapse" } else { "Expand" };
        format!("{verb} subtasks of {}", read(|row| row.title.clone())())
    };
    // The title and the date cells are drawn with plain values and drawn again when the row
    // changes; only the collapse button stays put, so that it keeps the focus when pressed.
    let title = move || {
        row.with(|row| {
            row.as_ref().map(|row| {
                let mark = row.milestone.then(|| {
                    view! {
                        <span class="timeline__milestone-mark" aria-hidden="true">
                            "◆"
                        </span>
                    }
                });
                view! {
                    {mark}
                    <span class="timeline__title">{row.title.clone()}</span>
                }
            })
        })
    };
    let cells = move || {
        let slip_shown = timeline.has_baseline.get();
        row.with(|row| {
            row.as_ref().map(|row| {
                let slip = slip_shown.then(|| {
                    view! {
                        <span
                            role="cell"
                            class="timeline__cell timeline__cell--slip"
                            title=row.slip.1.clone()
                        >
                            {row.slip.0.clone()}
                        </span>
                    }
                });
                view! {
                    <span role="cell" class="timeline__cell">
                        {row.start.clone()}
                    </span>
                    <span role="cell" class="timeline__cell">
                        {row.end.clone()}
                    </span>
                    <span
                        role="cell"
                        class=if row.critical {
                            "timeline__cell timeline__cell--float float--critical"
                        } else {
                            "timeline__cell timeline__cell--float"
                        }
                    >
                        <span aria-hidden="true">{row.float.0.clone()}</span>
                        <span class="visually-hidden">{row.float.1.clone()}</span>
                    </span>
                    {slip}
                }
            })
        })
    };
    view! {
        <div
            class=class
            role="row"
            style=style
            aria-rowindex=row_index
            on:click=move |_| timeline.focus_bar(task)
            on:dblclick=move |_| editor.open_task(timeline.project, task)
        >
            <span role="rowheader" class="timeline__cell timeline__cell--title">
                {move || {
                    has_children
                        .get()
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="tree-toggle"
                                    aria-expanded=move || if expanded.get() { "true" } else { "false" }
                                    aria-label=toggle_label
                                    on:click=toggle
                                >
                                    {move || if expanded.get() { "▾" } else { "▸" }}
                                </button>
                            }
                        })
                }}
                {title}
            </span>
            {cells}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slip_reads_as_working_days_late_or_early() {
        assert_eq!(
            slip_text(Some(3)),
            ("+3 d".to_string(), "3 working days late".to_string())
        );
        assert_eq!(
            slip_text(Some(-1)),
            ("−1 d".to_string(), "1 working day early".to_string())
        );
        assert_eq!(slip_text(Some(0)).0, "0 d");
        assert_eq!(slip_text(None).1, "Not in the baseline");
    }
}
