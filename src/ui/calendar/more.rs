//! The "+N more" dialog: the tasks of one day that its cell has no room for, as buttons that
//! open them.

use super::{task_name, CalendarContext};
use crate::ui::format;
use crate::ui::widgets::Modal;
use leptos::prelude::*;

/// Lists the tasks of `calendar.more`'s day past the shown lanes. Mounted while a day is set.
#[component]
pub fn MoreDialog(
    /// The Calendar's state.
    calendar: CalendarContext,
) -> impl IntoView {
    let title = Signal::derive(move || {
        calendar
            .more
            .get()
            .map(|day| format!("More tasks on {}", format::full_date(day)))
            .unwrap_or_default()
    });
    let hidden = Memo::new(move |_| {
        let Some(day) = calendar.more.get() else {
            return Vec::new();
        };
        calendar.layout.with(|layout| {
            layout
                .hidden_on(day)
                .into_iter()
                .filter_map(|task| layout.entry(task).cloned())
                .collect::<Vec<_>>()
        })
    });
    let close = move || calendar.more.set(None);
    view! {
        <Modal title=title on_close=Callback::new(move |_| close())>
            <ul class="calendar__more-list">
                {move || {
                    hidden
                        .get()
                        .into_iter()
                        .map(|entry| {
                            let task = entry.task;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="button calendar__more-task"
                                        aria-label=task_name(&entry)
                                        on:click=move |_| {
                                            close();
                                            calendar.open(task);
                                        }
                                    >
                                        {entry.title.clone()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <div class="modal__actions">
                <button type="button" class="button button--primary" on:click=move |_| close()>
                    "Close"
                </button>
            </div>
        </Modal>
    }
}
