//! Where the user is: the route in the address bar's hash, and per-browser view choices.
//!
//! Routes live in the hash (`#/p/<project id>/board`) so that the app works from any static
//! host, under any sub-path, and from a file on disk. View state is never exported.

use crate::model::ProjectId;

/// The views of one project, in navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectView {
    Tasks,
    Board,
    Timeline,
    Calendar,
    Dashboard,
    Standup,
    Report,
    Timesheet,
    Settings,
}

impl ProjectView {
    /// Every view, in navigation order.
    pub const ALL: [ProjectView; 9] = [
        ProjectView::Tasks,
        ProjectView::Board,
        ProjectView::Timeline,
        ProjectView::Calendar,
        ProjectView::Dashboard,
        ProjectView::Standup,
        ProjectView::Report,
        ProjectView::Timesheet,
        ProjectView::Settings,
    ];

    /// The path segment in the hash.
    pub fn slug(self) -> &'static str {
        match self {
            ProjectView::Tasks => "tasks",
            ProjectView::Board => "board",
            ProjectView::Timeline => "timeline",
            ProjectView::Calendar => "calendar",
            ProjectView::Dashboard => "dashboard",
            ProjectView::Standup => "standup",
            ProjectView::Report => "report",
            ProjectView::Timesheet => "timesheet",
            ProjectView::Settings => "settings",
        }
    }

    /// The navigation link's name.
    pub fn label(self) -> &'static str {
        match self {
            ProjectView::Tasks => "Tasks",
            ProjectView::Board => "Board",
            ProjectView::Timeline => "Timeline",
            ProjectView::Calendar => "Calendar",
            ProjectView::Dashboard => "Dashboard",
            ProjectView::Standup => "Stand-up",
            ProjectView::Report => "Status report",
            ProjectView::Timesheet => "Timesheet",
            ProjectView::Settings => "Settings",
        }
    }

    fn from_slug(slug: &str) -> Option<ProjectView> {
        ProjectView::ALL
            .into_iter()
            .find(|view| view.slug() == slug)
    }
}

/// A place in the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Route {
    /// The project list (or the welcome screen when there are no projects).
    #[default]
    Projects,
    /// One view of one project.
    Project(ProjectId, ProjectView),
}

impl Route {
    /// Reads a location hash such as `#/p/<uuid>/board`. Anything unknown is the project list.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("p"), Some(id), view) => match id.parse::<ProjectId>() {
                Ok(id) => Route::Project(
                    id,
                    view.and_then(ProjectView::from_slug)
                        .unwrap_or(ProjectView::Tasks),
                ),
                Err(_) => Route::Projects,
            },
            _ => Route::Projects,
        }
    }

    /// The hash for this route, starting with `#`.
    pub fn href(self) -> String {
        match self {
            Route::Projects => "#/".to_string(),
            Route::Project(id, view) => format!("#/p/{id}/{}", view.slug()),
        }
    }

    /// The open project, if any.
    pub fn project(self) -> Option<ProjectId> {
        match self {
            Route::Projects => None,
            Route::Project(id, _) => Some(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn routes_round_trip_through_the_hash() {
        let id = ProjectId(Uuid::from_u128(42));
        for view in ProjectView::ALL {
            let route = Route::Project(id, view);
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(&Route::Projects.href()), Route::Projects);
    }

    #[test]
    fn unknown_hashes_show_the_project_list() {
        assert_eq!(Route::parse(""), Route::Projects);
        assert_eq!(Route::parse("#/p/not-a-uuid/board"), Route::Projects);
        let id = ProjectId(Uuid::from_u128(1));
        assert_eq!(
            Route::parse(&format!("#/p/{id}/nonsense")),
            Route::Project(id, ProjectView::Tasks)
        );
    }
}
