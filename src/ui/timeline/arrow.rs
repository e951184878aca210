//! One dependency arrow on the chart, drawn from its `ArrowLayout`: selectable with the pointer
//! or the keyboard to change its type or lag, or deleted with the Delete key; and how a screen
//! reader reads it out.

use super::super::messages::quoted;
use super::layout::{points_attribute, ArrowLayout};
use super::TimelineContext;
use crate::model::TaskId;
use crate::store::AppState;
use leptos::prelude::*;

/// How a dependency arrow is read out.
pub fn describe_arrow(arrow: &ArrowLayout) -> String {
    let lag = match arrow.lag {
        0 => String::new(),
        1 | -1 => format!(", lag {} working day", arrow.lag),
        lag => format!(", lag {lag} working days"),
    };
    format!(
        "Dependency {} to {}, {}{lag}",
        quoted(&arrow.predecessor_title),
        quoted(&arrow.successor_title),
        arrow.kind.label().to_lowercase()
    )
}

/// One dependency arrow: selectable with the pointer or the keyboard to change its type or lag,
/// or deleted with the Delete key.
#[component]
pub fn TimelineArrow(
    timeline: TimelineContext,
    successor: TaskId,
    predecessor: TaskId,
) -> impl IntoView {
    let state = AppState::expect();
    let arrow = Memo::new(move |_| {
        timeline
            .layout
            .with(|layout| layout.arrow(successor, predecessor).cloned())
    });
    // The lines are drawn with plain attribute values and drawn again when the arrow changes.
    let lines = move || {
        arrow.with(|arrow| {
            arrow.as_ref().map(|arrow| {
                let points = points_attribute(&arrow.points);
                view! {
                    <polyline class="timeline__arrow-hit" points=points.clone() />
                    <polyline class="timeline__arrow-line" points=points />
                    <polygon class="timeline__arrow-head" points=points_attribute(&arrow.head) />
                }
            })
        })
    };
    let label = move || arrow.with(|arrow| arrow.as_ref().map(describe_arrow).unwrap_or_default());
    let class = move || {
        let critical = timeline.show_critical.get()
            && arrow.with(|arrow| arrow.as_ref().is_some_and(|arrow| arrow.critical));
        if critical {
            "timeline__arrow timeline__arrow--critical"
        } else {
            "timeline__arrow"
        }
    };
    let open = move || timeline.editing_link.set(Some((successor, predecessor)));
    let on_keydown = move |event: web_sys::KeyboardEvent| match event.key().as_str() {
        "Enter" | " " => {
            event.prevent_default();
            open();
        }
        "Delete" | "Backspace" => {
            event.prevent_default();
            state.unlink_tasks(timeline.project, successor, predecessor);
        }
        _ => {}
    };
    view! {
        <g
            class=class
            role="button"
            tabindex="0"
            aria-label=label
            aria-haspopup="dialog"
            on:click=move |_| open()
            on:keydown=on_keydown
        >
            {lines}
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkKind;

    #[test]
    fn arrows_are_read_with_their_tasks_kind_and_lag() {
        let arrow = ArrowLayout {
            predecessor: TaskId(uuid::Uuid::from_u128(1)),
            successor: TaskId(uuid::Uuid::from_u128(2)),
            predecessor_title: "Design".to_string(),
            successor_title: "Build".to_string(),
            kind: LinkKind::StartToStart,
            lag: 2,
            critical: false,
            points: Vec::new(),
            head: [(0.0, 0.0); 3],
        };
        assert_eq!(
            describe_arrow(&arrow),
            "Dependency “Design” to “Build”, start to start, lag 2 working days"
        );
        let plain = ArrowLayout {
            kind: LinkKind::FinishToStart,
            lag: 0,
            ..arrow
        };
        assert_eq!(
            describe_arrow(&plain),
            "Dependency “Design” to “Build”, finish to start"
        );
    }
}
