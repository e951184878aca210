//! Putting an imported plan into the workspace: as new, as a copy with fresh ids, or replacing
//! the project with the same id. People already in the roster keep their entry; new people
//! are added. Every imported project is scheduled on the way in, as after any edit.

use super::ImportedProject;
use crate::model::error::{ModelError, ModelResult};
use crate::model::ids::{IdSource, ProjectId};
use crate::model::person::Person;
use crate::model::project::Project;
use crate::model::schedule;
use crate::model::workspace::Workspace;

/// What to do with an imported project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add it as it is; refused when a project with its id exists.
    New,
    /// Add it with new ids for the project, its columns and tasks, named "… (copy)".
    Copy,
    /// Replace the project with the same id, keeping its place in the list.
    Replace,
}

/// Adds the roster entries the workspace does not have yet.
fn merge_people(workspace: &mut Workspace, people: Vec<Person>) -> ModelResult {
    for person in people {
        if workspace.person(person.id).is_none() {
            workspace.add_person(person, None)?;
        }
    }
    Ok(())
}

/// Merges one imported project. Returns the id it ended up with. On error the workspace is
/// unchanged only if the caller works on a copy, as the store does.
pub fn merge_project(
    workspace: &mut Workspace,
    imported: ImportedProject,
    mode: ImportMode,
    ids: &mut dyn IdSource,
) -> ModelResult<ProjectId> {
    let ImportedProject {
        project, people, ..
    } = imported;
    merge_people(workspace, people)?;
    place(workspace, project, mode, ids)
}

/// Schedules `project` as any edit would (late successors move, summaries roll up), so a file
/// that breaks its own dependencies arrives repaired, then puts it in the workspace.
fn place(
    workspace: &mut Workspace,
    mut project: Project,
    mode: ImportMode,
    ids: &mut dyn IdSource,
) -> ModelResult<ProjectId> {
    schedule::reschedule_all(&mut project);
    match mode {
        ImportMode::New => {
            let id = project.id;
            workspace.add_project(project)?;
            Ok(id)
        }
        ImportMode::Copy => {
            let copy = project.copy_with_new_ids(ids);
            let id = copy.id;
            workspace.add_project(copy)?;
            Ok(id)
        }
        ImportMode::Replace => {
            let id = project.id;
            if workspace.find_project(id).is_none() {
                return Err(ModelError::UnknownProject(id));
            }
            workspace.replace_project(project)?;
            Ok(id)
        }
    }
}

/// Merges every project of an imported workspace. Projects whose id is new are added as they
/// are; the others follow `on_conflict`. Returns the ids of the projects added or replaced.
pub fn merge_workspace(
    workspace: &mut Workspace,
    imported: Workspace,
    on_conflict: ImportMode,
    ids: &mut dyn IdSource,
) -> ModelResult<Vec<ProjectId>> {
    merge_people(workspace, imported.people().to_vec())?;
    let mut placed = Vec::with_capacity(imported.projects().len());
    for project in imported.projects() {
        let mode = if workspace.find_project(project.id).is_some() {
            on_conflict
        } else {
            ImportMode::New
        };
        placed.push(place(workspace, project.as_ref().clone(), mode, ids)?);
    }
    Ok(placed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::io::{export_project, read_plan, ReadPlan};
    use crate::model::testing::{date, TestPlan};
    use crate::model::{Dependency, SequentialIds};

    #[test]
    fn an_imported_plan_with_a_late_successor_arrives_repaired() {
        // Design  [4 5 6]
        // Build     [5 6]      starts before Design ends: the file breaks its own link
        // Build          [7 8] after the import
        let mut plan = TestPlan::new("2027-01-04");
        let design = plan.task("Design", "2027-01-04", "2027-01-06", 8, None);
        let build = plan.task("Build", "2027-01-05", "2027-01-06", 8, None);
        plan.link(build, Dependency::finish_to_start(design));
        let text = export_project(plan.project(), plan.workspace.people());
        let Ok(ReadPlan::Project(imported)) = read_plan(&text) else {
            panic!("the export reads back as a project");
        };
        let mut workspace = Workspace::default();
        let id = merge_project(
            &mut workspace,
            imported,
            ImportMode::New,
            &mut SequentialIds::default(),
        )
        .expect("the project is new here");
        let project = workspace.project(id).expect("imported");
        let build = project.task(build).expect("imported with its id");
        assert_eq!(
            (build.start, build.end),
            (date("2027-01-07"), date("2027-01-08"))
        );
        assert!(crate::model::schedule::violations(project).is_empty());
    }
}
