//! The month (or week) grid: a `role="grid"` of week rows and day cells named by their full
//! date, with the tasks as buttons drawn as bars over the days they span.
//!
//! Each task segment is a button inside the cell of its first day in the week, stretched over
//! the following days by CSS (`--span`, `--lane`), so every task appears once per week row.
//! The day cells hold the grid's one tab stop (a roving tabindex on the active day); the arrow
//! keys move it, and move from a focused task to the days around it. Alt with an arrow moves a
//! task. A pointer drag is followed on the grid, which captures the pointer once the press
//! becomes a drag (`drag.rs`).

use super::drag::{day_under, DayDrag};
use super::{day_marks, deadline_marks, task_name, week_bounds, CalendarContext, DeadlineMarker};
use crate::model::calendar::shift;
use crate::model::month::{self, Bar, Period, WeekRow};
use crate::model::{TaskId, Week};
use crate::store::AppState;
use crate::ui::format;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// The days an arrow key moves: a day sideways, a week up or down.
fn arrow_days(key: &str) -> Option<i64> {
    match key {
        "ArrowLeft" => Some(-1),
        "ArrowRight" => Some(1),
        "ArrowUp" => Some(-7),
        "ArrowDown" => Some(7),
        _ => None,
    }
}

/// The grid of the weeks shown.
#[component]
pub fn CalendarGrid(
    /// The Calendar's state.
    calendar: CalendarContext,
    /// The id of the heading that names the grid.
    labelled_by: &'static str,
) -> impl IntoView {
    let state = AppState::expect();
    let grid = NodeRef::<leptos::html::Div>::new();
    let layout = calendar.layout;
    let week_starts = Memo::new(move |_| {
        layout.with(|layout| {
            layout
                .weeks
                .iter()
                .map(|row| row.week.start)
                .collect::<Vec<_>>()
        })
    });
    let headings = Memo::new(move |_| {
        week_starts.with(|starts| {
            starts.first().map_or_else(Vec::new, |start| {
                Week { start: *start }
                    .days()
                    .iter()
                    .map(|day| format::weekday_short(*day))
                    .collect::<Vec<_>>()
            })
        })
    });
    let class = move || {
        let mut class = String::from("calendar__grid");
        if calendar.period.get() == Period::Week {
            class.push_str(" calendar__grid--week");
        }
        if calendar.drop_range.get().is_some() {
            class.push_str(" calendar__grid--dragging");
        }
        class
    };
    let style = move || format!("--lanes: {}", layout.with(|layout| layout.lanes));

    let on_pointermove = move |event: web_sys::PointerEvent| {
        let Some(current) = calendar.drag.get_untracked() else {
            return;
        };
        if current.pointer != event.pointer_id() {
            return;
        }
        let at = (f64::from(event.client_x()), f64::from(event.client_y()));
        let mut next = current;
        next.move_to(at, day_under(at.0, at.1));
        if next.dragging && !current.dragging {
            if let Some(grid) = grid.get_untracked() {
                let _ = grid.set_pointer_capture(event.pointer_id());
            }
        }
        if next != current {
            calendar.drag.set(Some(next));
        }
    };
    let on_pointerup = move |event: web_sys::PointerEvent| {
        let Some(mut last) = calendar.drag.get_untracked() else {
            return;
        };
        if last.pointer != event.pointer_id() {
            return;
        }
        let at = (f64::from(event.client_x()), f64::from(event.client_y()));
        last.move_to(at, day_under(at.0, at.1));
        calendar.drag.set(None);
        if !last.dragging {
            return;
        }
        if let Some(grid) = grid.get_untracked() {
            let _ = grid.release_pointer_capture(event.pointer_id());
        }
        // The click the browser may send right after this release is not a real one.
        calendar.suppress_click.set_value(true);
        set_timeout(
            move || {
                calendar.suppress_click.try_set_value(false);
            },
            std::time::Duration::ZERO,
        );
        if let Some((start, end)) = last.drop_dates() {
            state.drop_task_dates(calendar.project, last.task, start, end);
        }
        calendar.focus_task(last.task);
    };

    view! {
        <div
            class=class
            style=style
            role="grid"
            aria-labelledby=labelled_by
            node_ref=grid
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=move |_| calendar.drag.set(None)
        >
            <div class="calendar__week calendar__week--head" role="row">
                {move || {
                    headings
                        .get()
                        .into_iter()
                        .map(|name| {
                            view! {
                                <div class="calendar__weekday" role="columnheader">
                                    {name}
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <For each=move || week_starts.get() key=|start| *start let:start>
                <CalendarWeek calendar=calendar start=start />
            </For>
        </div>
    }
}

/// One week row of the grid.
#[component]
fn CalendarWeek(calendar: CalendarContext, start: NaiveDate) -> impl IntoView {
    let row = Memo::new(move |_| {
        calendar
            .layout
            .with(|layout| layout.week_of(start).cloned())
    });
    view! {
        <div class="calendar__week" role="row">
            {Week { start }
                .days()
                .into_iter()
                .enumerate()
                .map(|(index, date)| {
                    view! { <CalendarDay calendar=calendar row=row index=index date=date /> }
                })
                .collect_view()}
        </div>
    }
}

/// One day cell: its number and marks, the bars that begin in it and its "+N more".
#[component]
fn CalendarDay(
    calendar: CalendarContext,
    row: Memo<Option<WeekRow>>,
    index: usize,
    date: NaiveDate,
) -> impl IntoView {
    let day = Memo::new(move |_| row.with(|row| row.as_ref().map(|row| row.days[index])));
    let bars = Memo::new(move |_| {
        let lanes = calendar.layout.with(|layout| layout.lanes);
        row.with(|row| {
            row.as_ref().map_or_else(Vec::new, |row| {
                row.bars
                    .iter()
                    .filter(|bar| bar.first == index && bar.lane < lanes)
                    .copied()
                    .collect::<Vec<_>>()
            })
        })
    });
    let class = move || {
        let mut class = String::from("calendar__day");
        if let Some(day) = day.get() {
            for (on, modifier) in [
                (day.outside, " calendar__day--outside"),
                (!day.working, " calendar__day--off"),
                (day.holiday, " calendar__day--holiday"),
                (day.deadline, " calendar__day--deadline"),
                (day.today, " calendar__day--today"),
            ] {
                if on {
                    class.push_str(modifier);
                }
            }
        }
        if calendar
            .drop_range
            .get()
            .is_some_and(|(start, end)| (start..=end).contains(&date))
        {
            class.push_str(" calendar__day--drop");
        }
        class
    };
    let deadlines = Memo::new(move |_| {
        calendar
            .layout
            .with(|layout| layout.deadlines_on(date).cloned().collect::<Vec<_>>())
    });
    let description = move || {
        let marks = [
            day.get().map(|day| day_marks(&day)).unwrap_or_default(),
            deadlines.with(|deadlines| deadline_marks(deadlines)),
        ]
        .into_iter()
        .filter(|marks| !marks.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
        (!marks.is_empty()).then_some(marks)
    };
    let more = move || day.get().map_or(0, |day| day.more);
    let on_focus = move |_| {
        // A click on a day of the next or previous month does not turn the page.
        let outside = day.get_untracked().is_some_and(|day| day.outside);
        if !outside && calendar.anchor.get_untracked() != date {
            calendar.anchor.set(date);
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let on_cell = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
            .is_some_and(|element| element.class_list().contains("calendar__day"));
        if !on_cell || event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let key = event.key();
        let from = calendar.key_origin(date);
        let target = match key.as_str() {
            "Home" => Some(week_bounds(from).0),
            "End" => Some(week_bounds(from).1),
            "PageUp" => Some(month::step(from, Period::Month, false)),
            "PageDown" => Some(month::step(from, Period::Month, true)),
            other => arrow_days(other).map(|days| shift(from, days)),
        };
        if let Some(target) = target {
            event.prevent_default();
            calendar.focus_day(target);
        }
    };
    view! {
        <div
            class=class
            role="gridcell"
            data-date=date.to_string()
            tabindex=move || if calendar.anchor.get() == date { "0" } else { "-1" }
            aria-label=format::full_date(date)
            aria-description=description
            on:focus=on_focus
            on:keydown=on_keydown
        >
            <span class="calendar__number" aria-hidden="true">
                {date.day()}
            </span>
            <span class="calendar__marks" aria-hidden="true">
                {move || day.get().filter(|day| day.holiday).map(|_| "Holiday")}
                {move || day.get().filter(|day| day.deadline).map(|_| " Deadline")}
            </span>
            <span class="calendar__deadlines">
                {move || {
                    deadlines
                        .get()
                        .into_iter()
                        .map(|mark| view! { <DeadlineMarker mark=mark /> })
                        .collect_view()
                }}
            </span>
            <For each=move || bars.get() key=|bar| *bar let:bar>
                <CalendarTask calendar=calendar task=bar.task day=date bar=Some(bar) />
            </For>
            <Show when=move || { more() > 0 }>
                <button
                    type="button"
                    class="calendar__more"
                    aria-haspopup="dialog"
                    on:click=move |_| calendar.more.set(Some(date))
                >
                    {move || format!("+{} more", more())}
                </button>
            </Show>
        </div>
    }
}

/// A task's button: a bar over its days in the grid (`bar`), or a line in the day list. Named
/// by its title and dates; a click or Enter opens it, Alt with an arrow key moves it, the arrow
/// keys go to the days around `day`, and in the grid a pointer drags it to another day.
#[component]
pub fn CalendarTask(
    calendar: CalendarContext,
    task: TaskId,
    /// The day the button is drawn in.
    day: NaiveDate,
    /// Where the bar lies in its week; `None` in the list.
    bar: Option<Bar>,
) -> impl IntoView {
    let entry = Memo::new(move |_| calendar.layout.with(|layout| layout.entry(task).cloned()));
    let name = move || entry.with(|entry| entry.as_ref().map(task_name).unwrap_or_default());
    let title = move || {
        entry.with(|entry| {
            entry
                .as_ref()
                .map(|entry| entry.title.clone())
                .unwrap_or_default()
        })
    };
    let milestone = move || entry.with(|entry| entry.as_ref().is_some_and(|entry| entry.milestone));
    let dragged = Memo::new(move |_| {
        calendar
            .drag
            .with(|drag| drag.is_some_and(|drag| drag.dragging && drag.task == task))
    });
    let class = move || {
        let mut class = String::from("calendar__task");
        if milestone() {
            class.push_str(" calendar__task--milestone");
        }
        if let Some(bar) = bar {
            class.push_str(" calendar__task--bar");
            if bar.continues_before {
                class.push_str(" calendar__task--from-before");
            }
            if bar.continues_after {
                class.push_str(" calendar__task--to-after");
            }
        }
        if dragged.get() {
            class.push_str(" calendar__task--dragging");
        }
        class
    };
    let style =
        bar.map(|bar| format!("--span: {}; --lane: {}", bar.last - bar.first + 1, bar.lane));
    let on_click = move |_| {
        if calendar.suppress_click.get_value() {
            calendar.suppress_click.set_value(false);
            return;
        }
        calendar.open(task);
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let Some(days) = arrow_days(&event.key()) else {
            return;
        };
        // In the list the plain arrow keys are the page's own.
        let list_arrow = bar.is_none() && !event.alt_key();
        if event.ctrl_key() || event.meta_key() || event.shift_key() || list_arrow {
            return;
        }
        event.prevent_default();
        event.stop_propagation();
        if event.alt_key() {
            calendar.nudge(task, days);
        } else {
            calendar.focus_day(shift(day, days));
        }
    };
    let on_pointerdown = move |event: web_sys::PointerEvent| {
        if bar.is_none() || event.button() != 0 {
            return;
        }
        let Some(dates) =
            entry.with_untracked(|entry| entry.as_ref().map(|entry| (entry.start, entry.end)))
        else {
            return;
        };
        let at = (f64::from(event.client_x()), f64::from(event.client_y()));
        let grabbed = day_under(at.0, at.1).unwrap_or(day);
        calendar.suppress_click.set_value(false);
        calendar.drag.set(Some(DayDrag::press(
            task,
            event.pointer_id(),
            at,
            grabbed,
            dates,
        )));
    };
    view! {
        <button
            type="button"
            class=class
            style=style
            data-task=task.to_string()
            aria-label=name
            aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown Enter"
            on:click=on_click
            on:keydown=on_keydown
            on:pointerdown=on_pointerdown
        >
            <Show when=milestone>
                <span class="calendar__diamond" aria-hidden="true"></span>
            </Show>
            <span class="calendar__title">{title}</span>
        </button>
    }
}
