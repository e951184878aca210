//! Random runs of edits, each saved by a tab with a random revision step and parts of a random
//! size: whatever the run, what loads is what was saved, and nothing is left unnamed.

use super::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Edit {
    AddTask(usize),
    Rename(usize, usize),
    RemoveTask(usize),
    /// Task `.0` of the first project moved before task `.1`: rows change places.
    MoveTask(usize, usize),
    AddProject,
    RemoveProject(usize),
    Reload,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0..3usize).prop_map(Edit::AddTask),
        3 => (0..3usize, 0..40usize).prop_map(|(p, t)| Edit::Rename(p, t)),
        2 => (0..40usize).prop_map(Edit::RemoveTask),
        2 => (0..40usize, 0..40usize).prop_map(|(t, b)| Edit::MoveTask(t, b)),
        1 => Just(Edit::AddProject),
        1 => (0..3usize).prop_map(Edit::RemoveProject),
        1 => Just(Edit::Reload),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_save_loads_back_whatever_the_step(
        edits in prop::collection::vec(edit(), 1..30),
        step in prop_oneof![Just(0u64), 1u64..(1 << 20)],
        rows in 1usize..6,
    ) {
        let mut ids = SequentialIds::default();
        let mut store = MemoryStore::default();
        let mut workspace = workspace_with(&["First"], &mut ids);
        let mut saved = Saved { step, ..Saved::default() };
        save_in_chunks_of(&mut store, &workspace, &mut saved, rows).expect("saves");
        for (number, edit) in edits.into_iter().enumerate() {
            let projects: Vec<ProjectId> = workspace.projects().iter().map(|p| p.id).collect();
            match edit {
                Edit::AddTask(p) if !projects.is_empty() => {
                    add_task(&mut workspace, projects[p % projects.len()], &format!("Task {number}"), &mut ids);
                }
                Edit::Rename(p, t) if !projects.is_empty() => {
                    let project = workspace.project_mut(projects[p % projects.len()]).expect("exists");
                    if !project.tasks().is_empty() {
                        let mut task = (*project.tasks()[t % project.tasks().len()]).clone();
                        task.title = format!("Renamed {number}");
                        project.update_task(task, day()).expect("valid");
                    }
                }
                Edit::RemoveTask(t) if !projects.is_empty() => {
                    let project = workspace.project_mut(projects[0]).expect("exists");
                    if !project.tasks().is_empty() {
                        let id = project.tasks()[t % project.tasks().len()].id;
                        project.remove_task(id).expect("removed");
                    }
                }
                Edit::MoveTask(t, b) if !projects.is_empty() => {
                    let project = workspace.project_mut(projects[0]).expect("exists");
                    let count = project.tasks().len();
                    if count > 1 {
                        let (moved, before) = (project.tasks()[t % count].id, project.tasks()[b % count].id);
                        let column = project.tasks()[b % count].column;
                        if moved != before {
                            project.move_task(moved, column, Some(before), day()).expect("moved");
                        }
                    }
                }
                Edit::AddProject => {
                    let project = Project::new(ProjectId::new(&mut ids), "Another", day(), Currency::EUR, &mut ids)
                        .expect("valid project");
                    workspace.add_project(project).expect("added");
                }
                Edit::RemoveProject(p) if !projects.is_empty() => {
                    workspace.remove_project(projects[p % projects.len()]).expect("removed");
                }
                Edit::Reload => {
                    let loaded = load(&store).expect("loads");
                    workspace = loaded.workspace;
                    saved = loaded.saved;
                    saved.step = step;
                }
                _ => {}
            }
            save_in_chunks_of(&mut store, &workspace, &mut saved, rows).expect("saves");
            let loaded = load(&store).expect("loads");
            prop_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
            prop_assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
            prop_assert_eq!(&loaded.workspace, &workspace);
            prop_assert!(is_saved(&loaded.workspace, &loaded.saved));
            prop_assert!(loaded.saved.stray_parts.is_empty(), "{:?}", loaded.saved.stray_parts);
        }
    }
}
