//! The Calendar view: a month (or a week) as a grid of days with the tasks as bars and the
//! milestones as markers, or, on a narrow screen, as a list of days.
//!
//! The page owns the view state (the period, the active day, the drag, the day whose extra
//! tasks are listed) as local signals. It takes the tasks of the shown weeks out of the plan in
//! one memo, once per change of weeks or plan, and lays them out with the pure
//! [`crate::model::month::layout`]; the grid (`grid.rs`) and the list (`list.rs`) only draw that
//! layout. Tasks move through the Timeline's verbs (`drop_task_dates`, `shift_task`), so
//! successors follow and Ctrl+Z undoes. Left out: the layout itself (`model::month`) and the
//! task editor (`tasks::editor`).

pub mod drag;
pub mod grid;
pub mod list;
pub mod more;

use super::format::{self, CalendarLabel};
use super::media::use_media_query;
use super::tasks::editor::TaskEditor;
use super::timeline::focus_element;
use crate::model::calendar::shift;
use crate::model::month::{self, CalendarEntry, DeadlineMark, MonthInput, MonthLayout, Period};
use crate::model::{ProjectId, TaskId};
use crate::store::AppState;
use chrono::{Datelike, NaiveDate};
use drag::DayDrag;
use grid::CalendarGrid;
use leptos::prelude::*;
use list::CalendarList;
use more::MoreDialog;

/// Lanes of bars a week row draws in the month period; further tasks go into "+N more".
const MONTH_LANES: usize = 3;
/// Lanes of bars in the week period, where each day is taller.
const WEEK_LANES: usize = 10;

/// The Calendar's view state and layout, handed to its parts.
#[derive(Clone, Copy)]
pub struct CalendarContext {
    pub project: ProjectId,
    pub period: RwSignal<Period>,
    /// The active day: it picks the month or week shown and holds the grid's one tab stop.
    pub anchor: RwSignal<NaiveDate>,
    pub layout: Memo<MonthLayout>,
    /// The press or drag in progress.
    pub drag: RwSignal<Option<DayDrag>>,
    /// The days a drag would put the dragged task on.
    pub drop_range: Memo<Option<(NaiveDate, NaiveDate)>>,
    /// The day whose tasks past the shown lanes are listed in a dialog.
    pub more: RwSignal<Option<NaiveDate>>,
    /// Set when a drag ends, so that the click the browser sends after it opens nothing.
    pub suppress_click: StoredValue<bool>,
    /// The day whose cell gets the focus once drawn (see [`CalendarContext::focus_day`]).
    pub focus_pending: StoredValue<Option<NaiveDate>>,
}

impl CalendarContext {
    /// Makes `date` the active day, showing its month or week, and focuses its cell: at once
    /// when the cell is on screen in the shown month, else once the new month or week is drawn.
    /// Until then `focus_pending` holds the day, so a key pressed before the next frame moves on
    /// from it and not from the day the focus is leaving.
    pub fn focus_day(self, date: NaiveDate) {
        self.anchor.set(date);
        let shown = format!(".calendar__day[data-date=\"{date}\"]:not(.calendar__day--outside)");
        if focus_selector(&shown) {
            self.focus_pending.set_value(None);
            return;
        }
        self.focus_pending.set_value(Some(date));
        request_animation_frame(move || {
            focus_selector(&format!(".calendar__day[data-date=\"{date}\"]"));
            if self.focus_pending.try_get_value() == Some(Some(date)) {
                self.focus_pending.try_set_value(None);
            }
        });
    }

    /// The day keys move on from: the day waiting for its cell to be drawn, else `focused`.
    pub fn key_origin(self, focused: NaiveDate) -> NaiveDate {
        self.focus_pending.get_value().unwrap_or(focused)
    }

    /// Focuses the button of `task` once drawn (its first one when it spans weeks).
    pub fn focus_task(self, task: TaskId) {
        request_animation_frame(move || {
            focus_selector(&format!(".calendar [data-task=\"{task}\"]"));
        });
    }

    /// Moves `task` by `days` calendar days, as the Timeline nudges a bar; when the task leaves
    /// the period shown, the Calendar follows it. The focus stays on the task.
    pub fn nudge(self, task: TaskId, days: i64) {
        let state = AppState::expect();
        if !state.shift_task(self.project, task, days) {
            return;
        }
        let dates = state.workspace().with_untracked(|workspace| {
            workspace
                .find_project(self.project)
                .and_then(|project| project.find_task(task))
                .map(|task| (task.start, task.end))
        });
        let shown = self.layout.with_untracked(MonthLayout::range);
        if let (Some((start, end)), Some((first, last))) = (dates, shown) {
            if end < first || start > last {
                self.anchor.set(start);
            }
        }
        self.focus_task(task);
    }

    /// Opens the task editor on `task`.
    pub fn open(self, task: TaskId) {
        TaskEditor::expect().open_task(self.project, task);
    }
}

/// Focuses the first element matching `selector`, without scrolling the page; false when
/// there is none.
fn focus_selector(selector: &str) -> bool {
    match document().query_selector(selector) {
        Ok(Some(element)) => {
            focus_element(&element);
            true
        }
        _ => false,
    }
}

/// A task's accessible name: its title, then its dates ("Design, Mar 2, 2026 to Mar 4, 2026";
/// "Go-live, milestone on Mar 20, 2026").
pub fn task_name(entry: &CalendarEntry) -> String {
    let title = &entry.title;
    if entry.milestone {
        format!("{title}, milestone on {}", format::date(entry.start))
    } else if entry.start == entry.end {
        format!("{title}, {}", format::date(entry.start))
    } else {
        format!(
            "{title}, {} to {}",
            format::date(entry.start),
            format::date(entry.end)
        )
    }
}

/// What marks a day, as a sentence for its description: "Today. Holiday. Project deadline."
pub fn day_marks(day: &month::Day) -> String {
    let mut marks = Vec::new();
    if day.today {
        marks.push("Today");
    }
    if day.holiday {
        marks.push("Holiday");
    } else if !day.working {
        marks.push("Non-working day");
    }
    if day.deadline {
        marks.push("Project deadline");
    }
    marks
        .iter()
        .map(|mark| format!("{mark}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the task deadlines on a day add to its description: "Deadline of Design. Deadline of
/// Build, missed."
pub fn deadline_marks(marks: &[DeadlineMark]) -> String {
    marks
        .iter()
        .map(|mark| {
            if mark.missed {
                format!("Deadline of {}, missed.", mark.title)
            } else {
                format!("Deadline of {}.", mark.title)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A task's deadline on its day: a flag named "Deadline: <task>", described as "Missed" when the
/// task ends after it and is not done, and "On time" otherwise.
#[component]
pub fn DeadlineMarker(mark: DeadlineMark) -> impl IntoView {
    let class = if mark.missed {
        "calendar__deadline calendar__deadline--missed"
    } else {
        "calendar__deadline"
    };
    let name = format!("Deadline: {}", mark.title);
    let hint = if mark.missed {
        format!("{name}, missed")
    } else {
        format!("{name}, on time")
    };
    view! {
        <span
            class=class
            role="img"
            aria-label=name
            aria-description=if mark.missed { "Missed" } else { "On time" }
            title=hint
        >
            <span aria-hidden="true">"⚑"</span>
            {mark.missed.then(|| view! { <span aria-hidden="true">" Missed"</span> })}
        </span>
    }
}

/// The Calendar of project `id`.
#[component]
pub fn CalendarPage(id: ProjectId) -> impl IntoView {
    let state = AppState::expect();
    let period = RwSignal::new(Period::Month);
    let anchor = RwSignal::new(state.today.get_untracked());
    let drag = RwSignal::new(None::<DayDrag>);
    let more = RwSignal::new(None::<NaiveDate>);
    let first_day = format::week_start();
    let narrow = use_media_query("screen and (max-width: 699px)");

    let weeks = Memo::new(move |_| month::visible_weeks(anchor.get(), period.get(), first_day));
    let shown_month = Memo::new(move |_| {
        let anchor = anchor.get();
        (period.get() == Period::Month).then(|| (anchor.year(), anchor.month()))
    });
    // The tasks and the task deadlines of the weeks shown, taken out of the plan once per
    // change of the plan or of the weeks.
    let taken = Memo::new(move |_| {
        weeks.with(|weeks| {
            let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
                return (Vec::new(), Vec::new());
            };
            let (first, last) = (first.start, last.end());
            state.workspace().with(|workspace| {
                workspace
                    .find_project(id)
                    .map(|project| {
                        (
                            month::entries_in(project, first, last),
                            month::deadlines_in(project, first, last),
                        )
                    })
                    .unwrap_or_default()
            })
        })
    });
    let layout = Memo::new(move |_| {
        let today = state.today.get();
        let lanes = match period.get() {
            Period::Month => MONTH_LANES,
            Period::Week => WEEK_LANES,
        };
        let month = shown_month.get();
        weeks.with(|weeks| {
            taken.with(|(entries, deadlines)| {
                state.workspace().with(|workspace| {
                    workspace
                        .find_project(id)
                        .map(|project| {
                            month::layout(&MonthInput {
                                weeks,
                                month,
                                calendar: &project.calendar,
                                deadline: project.deadline,
                                today,
                                entries,
                                deadlines,
                                lanes,
                            })
                        })
                        .unwrap_or_default()
                })
            })
        })
    });
    let drop_range =
        Memo::new(move |_| drag.with(|drag| drag.as_ref().and_then(DayDrag::proposed)));
    let calendar = CalendarContext {
        project: id,
        period,
        anchor,
        layout,
        drag,
        drop_range,
        more,
        suppress_click: StoredValue::new(false),
        focus_pending: StoredValue::new(None),
    };

    // Escape cancels a drag; the pointer's release then changes nothing.
    let escape = window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && drag.with_untracked(Option::is_some) {
            event.prevent_default();
            drag.set(None);
        }
    });
    on_cleanup(move || escape.remove());

    let heading_id = "calendar-heading";
    let heading = Memo::new(move |_| match period.get() {
        Period::Month => format::calendar_label(anchor.get(), CalendarLabel::MonthYear),
        Period::Week => weeks.with(|weeks| {
            weeks
                .first()
                .map(|week| {
                    format!(
                        "{} – {}",
                        format::date(week.start),
                        format::date(week.end())
                    )
                })
                .unwrap_or_default()
        }),
    });
    let unit = move || match period.get() {
        Period::Month => "month",
        Period::Week => "week",
    };
    let step = move |forward: bool| {
        anchor.update(|day| *day = month::step(*day, period.get_untracked(), forward));
    };
    let pressed = |on: bool| if on { "true" } else { "false" };
    let task_count = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            workspace
                .find_project(id)
                .map_or(0, |project| project.tasks().len())
        })
    });

    view! {
        <section class="calendar" aria-label="Calendar">
            <div class="calendar__toolbar">
                <h2 id=heading_id class="calendar__heading">
                    {move || heading.get()}
                </h2>
                <div class="calendar__group">
                    <button
                        type="button"
                        class="button button--small"
                        on:click=move |_| step(false)
                    >
                        {move || format!("Previous {}", unit())}
                    </button>
                    <button
                        type="button"
                        class="button button--small"
                        on:click=move |_| anchor.set(state.today.get_untracked())
                    >
                        "Today"
                    </button>
                    <button
                        type="button"
                        class="button button--small"
                        on:click=move |_| step(true)
                    >
                        {move || format!("Next {}", unit())}
                    </button>
                </div>
                <div class="calendar__group" role="group" aria-label="Show">
                    {Period::ALL
                        .into_iter()
                        .map(|target| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--small"
                                    aria-pressed=move || pressed(period.get() == target)
                                    on:click=move |_| period.set(target)
                                >
                                    {target.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            <Show
                when=move || narrow.get()
                fallback=move || view! { <CalendarGrid calendar=calendar labelled_by=heading_id /> }
            >
                <CalendarList calendar=calendar labelled_by=heading_id />
            </Show>
            <Show when=move || task_count.get() == 0>
                <p class="empty">"No tasks yet. Add tasks with “New task” to see them on the calendar."</p>
            </Show>
            <p class="calendar__hint">
                "Drag a task to another day to move it. With a task focused, Alt with an arrow key moves it by a day or a week, the arrow keys go to other days, and Enter opens it."
            </p>
            <Show when=move || more.get().is_some()>
                <MoreDialog calendar=calendar />
            </Show>
        </section>
    }
}

/// The first and last day of `date`'s week, where Home and End go.
pub fn week_bounds(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let week = crate::model::Week::containing(date, format::week_start());
    (week.start, shift(week.start, 6))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::date;

    fn entry(title: &str, start: &str, end: &str, milestone: bool) -> CalendarEntry {
        CalendarEntry {
            task: TaskId(uuid::Uuid::from_u128(1)),
            title: title.to_string(),
            start: date(start),
            end: date(end),
            milestone,
        }
    }

    #[test]
    fn a_task_is_named_by_its_title_then_its_dates() {
        assert_eq!(
            task_name(&entry("Design", "2027-03-01", "2027-03-03", false)),
            "Design, 1 Mar 2027 to 3 Mar 2027"
        );
        assert_eq!(
            task_name(&entry("Docs", "2027-03-01", "2027-03-01", false)),
            "Docs, 1 Mar 2027"
        );
        assert_eq!(
            task_name(&entry("Go-live", "2027-03-05", "2027-03-05", true)),
            "Go-live, milestone on 5 Mar 2027"
        );
    }

    #[test]
    fn a_day_describes_what_marks_it() {
        let day = month::Day {
            date: date("2027-03-06"),
            outside: false,
            working: false,
            holiday: false,
            deadline: true,
            today: true,
            more: 0,
        };
        assert_eq!(day_marks(&day), "Today. Non-working day. Project deadline.");
        let holiday = month::Day {
            holiday: true,
            deadline: false,
            today: false,
            ..day
        };
        assert_eq!(day_marks(&holiday), "Holiday.");
        let plain = month::Day {
            working: true,
            holiday: false,
            ..holiday
        };
        assert_eq!(day_marks(&plain), "");
    }

    #[test]
    fn task_deadlines_add_to_a_day_description() {
        let mark = |title: &str, missed: bool| DeadlineMark {
            task: TaskId(uuid::Uuid::from_u128(1)),
            title: title.to_string(),
            date: date("2027-03-05"),
            missed,
        };
        assert_eq!(
            deadline_marks(&[mark("Design", false), mark("Build", true)]),
            "Deadline of Design. Deadline of Build, missed."
        );
        assert_eq!(deadline_marks(&[]), "");
    }
}
