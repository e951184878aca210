//! The open project's schedule, shared by every view that shows it and prepared while the app
//! is idle.

use crate::model::{ProjectId, Schedule, Workspace};
use crate::store::AppState;
use leptos::prelude::*;

/// The schedule of the project the route shows, shared by every opening of its Timeline. `App`
/// provides it; it is worked out while the app is idle, once the view of a newly opened project
/// is on screen, so that opening the Timeline of a large plan does not wait for the scheduler.
/// Like any memo it is worked out again, lazily, after each change.
#[derive(Clone, Copy)]
pub struct OpenSchedule {
    project: Memo<Option<ProjectId>>,
    schedule: Memo<Schedule>,
    /// The project whose schedule [`OpenSchedule::prepare`] has worked out.
    prepared: RwSignal<Option<ProjectId>>,
}

impl OpenSchedule {
    /// Provides the shared schedule for the route's project.
    pub fn provide(state: AppState) -> OpenSchedule {
        let project = Memo::new(move |_| state.route.with(|route| route.project()));
        let schedule = Memo::new(move |_| {
            let Some(id) = project.get() else {
                return Schedule::default();
            };
            state
                .workspace()
                .with(|workspace| schedule_in(state, workspace, id))
        });
        let open = OpenSchedule {
            project,
            schedule,
            prepared: RwSignal::new(None),
        };
        provide_context(open);
        Effect::new(move |_| {
            if project.get().is_some() {
                // After the frame that paints the project's view, when nothing waits.
                request_animation_frame(move || {
                    request_animation_frame(move || {
                        set_timeout(move || open.prepare(), std::time::Duration::ZERO)
                    })
                });
            }
        });
        open
    }

    /// Works the schedule out now, if it is not already.
    pub fn prepare(self) {
        self.schedule.try_with_untracked(|_| ());
        let project = self.project.get_untracked();
        if self.prepared.get_untracked() != project {
            self.prepared.set(project);
        }
    }

    /// True once the schedule of `id` has been worked out (tracked). Figures that only add to
    /// a view (the Tasks table's float) wait for it, so that a large plan's first paint does
    /// not wait for the scheduler (at 50,000 tasks the network and its passes take about
    /// 70 ms); they appear in the next frames. True at once for a project the route does not
    /// show.
    pub fn ready(id: ProjectId) -> Signal<bool> {
        match use_context::<OpenSchedule>() {
            Some(open) if open.project.get_untracked() == Some(id) => {
                Signal::derive(move || open.prepared.get() == Some(id))
            }
            _ => Signal::stored(true),
        }
    }

    /// The schedule of project `id`: the shared one when `id` is the route's project (the usual
    /// case), otherwise a memo of its own.
    pub fn expect_for(state: AppState, id: ProjectId) -> Memo<Schedule> {
        match use_context::<OpenSchedule>() {
            Some(open) if open.project.get_untracked() == Some(id) => open.schedule,
            _ => Memo::new(move |_| {
                state
                    .workspace()
                    .with(|workspace| schedule_in(state, workspace, id))
            }),
        }
    }
}

/// The schedule of project `id` of `workspace` (on the network the store keeps across date
/// changes, when it has one for this version of the project); empty when there is no such
/// project.
fn schedule_in(state: AppState, workspace: &Workspace, id: ProjectId) -> Schedule {
    workspace
        .projects()
        .iter()
        .find(|project| project.id == id)
        .map(|project| state.schedule_of(project))
        .unwrap_or_default()
}
