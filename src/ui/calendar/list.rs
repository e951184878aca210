//! The Calendar on a narrow screen: the days of the month (or week) as a list, each with the
//! tasks that start on it, and those already under way on the first day.

use super::grid::CalendarTask;
use super::{day_marks, CalendarContext, DeadlineMarker};
use crate::ui::format;
use leptos::prelude::*;

/// The list of days shown instead of the grid below 700 px.
#[component]
pub fn CalendarList(
    /// The Calendar's state.
    calendar: CalendarContext,
    /// The id of the heading that names the list.
    labelled_by: &'static str,
) -> impl IntoView {
    let agenda = Memo::new(move |_| calendar.layout.with(|layout| layout.agenda()));
    view! {
        <ol class="calendar__list" aria-labelledby=labelled_by>
            {move || {
                agenda
                    .get()
                    .into_iter()
                    .map(|entry| {
                        let day = entry.day;
                        let mut class = String::from("calendar__list-day");
                        if !day.working {
                            class.push_str(" calendar__list-day--off");
                        }
                        if day.today {
                            class.push_str(" calendar__list-day--today");
                        }
                        let marks = day_marks(&day);
                        let deadlines: Vec<_> = calendar
                            .layout
                            .with(|layout| layout.deadlines_on(day.date).cloned().collect());
                        view! {
                            <li class=class>
                                <h3 class="calendar__list-date">
                                    {format::full_date(day.date)}
                                    {(!marks.is_empty())
                                        .then(|| {
                                            view! { <span class="calendar__list-marks">{marks}</span> }
                                        })}
                                    {deadlines
                                        .into_iter()
                                        .map(|mark| view! { <DeadlineMarker mark=mark /> })
                                        .collect_view()}
                                </h3>
                                {(!entry.tasks.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul class="calendar__list-tasks">
                                                {entry
                                                    .tasks
                                                    .iter()
                                                    .map(|task| {
                                                        view! {
                                                            <li>
                                                                <CalendarTask
                                                                    calendar=calendar
                                                                    task=*task
                                                                    day=day.date
                                                                    bar=None
                                                                />
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}
