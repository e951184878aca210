//! The task editor: one dialog, opened from any view, that creates and edits every field of a
//! task, including its dependencies, with messages beside the fields.

use super::super::format;
use super::super::messages::{capitalized, describe, describe_conflict, quoted};
use super::super::timeline::OpenSchedule;
use super::super::widgets::{
    CheckField, ConfirmDialog, Modal, SelectField, TaskPicker, TextAreaField, TextField,
};
use super::form::{DependencyForm, TaskForm, TaskFormErrors};
use crate::model::task_choices::ChoiceRule;
use crate::model::{
    ColumnId, ConstraintKind, Currency, LinkKind, Priority, ProjectId, Task, TaskId,
};
use crate::store::{AppError, AppState};
use leptos::prelude::*;

/// The editor's note on how dates and constraints interact.
const START_SETS_CONSTRAINT: &str = "Typing a start date sets the constraint to “Start no earlier than” that date, as MS Project does. “As soon as possible” lets the schedule pull the task to the earliest date its dependencies allow.";

/// What the editor is editing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorTarget {
    /// An existing task.
    Edit { project: ProjectId, task: TaskId },
    /// A new task, optionally in a column or under a parent.
    New {
        project: ProjectId,
        column: Option<ColumnId>,
        parent: Option<TaskId>,
    },
}

/// Opens and closes the task editor from anywhere.
#[derive(Clone, Copy)]
pub struct TaskEditor {
    target: RwSignal<Option<EditorTarget>>,
}

impl TaskEditor {
    /// Provides the editor as context.
    pub fn provide() {
        provide_context(TaskEditor {
            target: RwSignal::new(None),
        });
    }

    /// The editor provided by `App`.
    pub fn expect() -> TaskEditor {
        expect_context()
    }

    /// Opens the editor on an existing task.
    pub fn open_task(self, project: ProjectId, task: TaskId) {
        self.target.set(Some(EditorTarget::Edit { project, task }));
    }

    /// Opens the editor on a new task.
    pub fn open_new(self, project: ProjectId, column: Option<ColumnId>, parent: Option<TaskId>) {
        self.target.set(Some(EditorTarget::New {
            project,
            column,
            parent,
        }));
    }

    /// Closes the editor without saving.
    pub fn close(self) {
        self.target.set(None);
    }
}

/// The editor dialog, present while a target is set.
#[component]
pub fn TaskEditorDialog() -> impl IntoView {
    let editor = TaskEditor::expect();
    move || {
        editor
            .target
            .get()
            .map(|target| view! { <TaskEditorForm target=target /> })
    }
}

/// One dependency row's fields, kept as signals so typing never re-renders the list.
#[derive(Clone, Copy)]
struct DependencyRow {
    key: usize,
    predecessor: RwSignal<String>,
    kind: RwSignal<String>,
    lag: RwSignal<String>,
}

impl DependencyRow {
    fn new(key: usize, form: DependencyForm) -> DependencyRow {
        DependencyRow {
            key,
            predecessor: RwSignal::new(form.predecessor),
            kind: RwSignal::new(form.kind),
            lag: RwSignal::new(form.lag),
        }
    }

    fn form(&self) -> DependencyForm {
        DependencyForm {
            predecessor: self.predecessor.get_untracked(),
            kind: self.kind.get_untracked(),
            lag: self.lag.get_untracked(),
        }
    }
}

/// The signals behind the editor's fields.
#[derive(Clone, Copy)]
struct TaskFields {
    title: RwSignal<String>,
    description: RwSignal<String>,
    column: RwSignal<String>,
    assignee: RwSignal<String>,
    priority: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    estimate: RwSignal<String>,
    progress: RwSignal<String>,
    milestone: RwSignal<bool>,
    tags: RwSignal<String>,
    parent: RwSignal<String>,
    fixed_cost: RwSignal<String>,
    actual_fixed_cost: RwSignal<String>,
    dependencies: RwSignal<Vec<DependencyRow>>,
    constraint: RwSignal<String>,
    constraint_date: RwSignal<String>,
    deadline: RwSignal<String>,
    next_key: StoredValue<usize>,
}

impl TaskFields {
    fn new(form: TaskForm) -> TaskFields {
        let rows: Vec<DependencyRow> = form
            .dependencies
            .into_iter()
            .enumerate()
            .map(|(key, row)| DependencyRow::new(key, row))
            .collect();
        TaskFields {
            next_key: StoredValue::new(rows.len()),
            title: RwSignal::new(form.title),
            description: RwSignal::new(form.description),
            column: RwSignal::new(form.column),
            assignee: RwSignal::new(form.assignee),
            priority: RwSignal::new(form.priority),
            start: RwSignal::new(form.start),
            end: RwSignal::new(form.end),
            estimate: RwSignal::new(form.estimate),
            progress: RwSignal::new(form.progress),
            milestone: RwSignal::new(form.milestone),
            tags: RwSignal::new(form.tags),
            parent: RwSignal::new(form.parent),
            fixed_cost: RwSignal::new(form.fixed_cost),
            actual_fixed_cost: RwSignal::new(form.actual_fixed_cost),
            dependencies: RwSignal::new(rows),
            constraint: RwSignal::new(form.constraint),
            constraint_date: RwSignal::new(form.constraint_date),
            deadline: RwSignal::new(form.deadline),
        }
    }

    fn form(&self) -> TaskForm {
        TaskForm {
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            column: self.column.get_untracked(),
            assignee: self.assignee.get_untracked(),
            priority: self.priority.get_untracked(),
            start: self.start.get_untracked(),
            end: self.end.get_untracked(),
            estimate: self.estimate.get_untracked(),
            progress: self.progress.get_untracked(),
            milestone: self.milestone.get_untracked(),
            tags: self.tags.get_untracked(),
            parent: self.parent.get_untracked(),
            fixed_cost: self.fixed_cost.get_untracked(),
            actual_fixed_cost: self.actual_fixed_cost.get_untracked(),
            dependencies: self
                .dependencies
                .get_untracked()
                .iter()
                .map(DependencyRow::form)
                .collect(),
            constraint: self.constraint.get_untracked(),
            constraint_date: self.constraint_date.get_untracked(),
            deadline: self.deadline.get_untracked(),
        }
    }

    fn add_dependency(&self) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.dependencies
            .update(|rows| rows.push(DependencyRow::new(key, DependencyForm::default())));
    }
}

/// Option lists for the small selects, from the project. Tasks are picked with `TaskPicker`,
/// which lists only what matches while it is open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct EditorOptions {
    columns: Vec<(String, String)>,
    people: Vec<(String, String)>,
    currency: Option<Currency>,
}

/// The editor form for one target.
#[component]
fn TaskEditorForm(target: EditorTarget) -> impl IntoView {
    let state = AppState::expect();
    let editor = TaskEditor::expect();
    let (project_id, existing) = match target {
        EditorTarget::Edit { project, task } => (project, Some(task)),
        EditorTarget::New { project, .. } => (project, None),
    };
    let base: Option<(Task, Currency)> = state.workspace().with_untracked(|workspace| {
        let project = workspace.find_project(project_id)?;
        let task = match target {
            EditorTarget::Edit { task, .. } => project.find_task(task)?.clone(),
            EditorTarget::New { column, parent, .. } => {
                let mut draft = state.draft_task(project, column)?;
                draft.parent = parent;
                draft
            }
        };
        Some((task, project.budget.currency))
    });
    let Some((base, currency)) = base else {
        editor.close();
        return ().into_any();
    };
    let fields = TaskFields::new(TaskForm::from_task(&base, currency));
    let delete_title = format!("Delete task {}?", quoted(&base.title));
    let errors = RwSignal::new(TaskFormErrors::default());
    let confirming_delete = RwSignal::new(false);
    let task_id = base.id;

    let options = Memo::new(move |_| {
        state.workspace().with(|workspace| {
            let Some(project) = workspace.find_project(project_id) else {
                return EditorOptions::default();
            };
            let mut people = vec![(String::new(), "Unassigned".to_string())];
            people.extend(project.team().iter().filter_map(|id| {
                workspace
                    .person(*id)
                    .map(|person| (id.to_string(), person.name.clone()))
            }));
            EditorOptions {
                columns: project
                    .columns()
                    .iter()
                    .map(|column| (column.id.to_string(), column.name.clone()))
                    .collect(),
                people,
                currency: Some(project.budget.currency),
            }
        })
    });

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let current = state.workspace().with_untracked(|workspace| {
            workspace
                .find_project(project_id)
                .and_then(|project| project.find_task(task_id).cloned())
        });
        let starting_point = current.unwrap_or_else(|| base.clone());
        match fields.form().apply(&starting_point, currency) {
            Err(form_errors) => errors.set(*form_errors),
            Ok(task) => match state.save_task(project_id, task, existing.is_none()) {
                Ok(()) => editor.close(),
                Err(AppError::Model(error)) => {
                    let message = state.workspace().with_untracked(|workspace| {
                        describe(&AppError::Model(error.clone()), workspace)
                    });
                    errors.set(TaskFormErrors::from_model(&error, message));
                }
                Err(other) => {
                    let message = state
                        .workspace()
                        .with_untracked(|workspace| describe(&other, workspace));
                    errors.set(TaskFormErrors {
                        general: Some(message),
                        ..TaskFormErrors::default()
                    });
                }
            },
        }
    };

    let title = if existing.is_some() {
        "Edit task"
    } else {
        "New task"
    };
    let priority_options: Vec<(String, String)> = Priority::ALL
        .into_iter()
        .map(|priority| (priority.key().to_string(), priority.label().to_string()))
        .collect();
    let constraint_options: Vec<(String, String)> = ConstraintKind::ALL
        .into_iter()
        .map(|kind| (kind.key().to_string(), kind.label().to_string()))
        .collect();
    let schedule = OpenSchedule::expect_for(state, project_id);
    let float = Memo::new(move |_| {
        schedule.with(|schedule| {
            schedule
                .task(task_id)
                .map(|figures| (figures.total_float, figures.critical, figures.conflict))
        })
    });
    let kind_options: Vec<(String, String)> = LinkKind::ALL
        .into_iter()
        .map(|kind| {
            (
                kind.abbreviation().to_string(),
                format!("{} ({})", kind.label(), kind.abbreviation()),
            )
        })
        .collect();
    let error_of = move |pick: fn(&TaskFormErrors) -> Option<String>| {
        Signal::derive(move || pick(&errors.get()))
    };

    view! {
        <Modal title=title on_close=Callback::new(move |_| editor.close()) class="modal--wide">
            <form class="form task-editor" on:submit=save novalidate>
                {move || {
                    errors
                        .get()
                        .general
                        .map(|message| view! { <p class="form__error" role="alert">{message}</p> })
                }}
                <TextField
                    label="Title"
                    value=fields.title
                    required=true
                    autofocus=true
                    error=error_of(|errors| errors.title.clone())
                />
                <TextAreaField label="Description" value=fields.description />
                <div class="field-row">
                    <SelectField
                        label="Status"
                        value=fields.column
                        options=Signal::derive(move || options.get().columns)
                    />
                    <SelectField
                        label="Assignee"
                        value=fields.assignee
                        options=Signal::derive(move || options.get().people)
                    />
                    <SelectField label="Priority" value=fields.priority options=priority_options />
                </div>
                <div class="field-row">
                    <TextField
                        label="Start date"
                        input_type="date"
                        value=fields.start
                        error=error_of(|errors| errors.start.clone())
                    />
                    <TextField
                        label="End date"
                        input_type="date"
                        value=fields.end
                        disabled=Signal::derive(move || fields.milestone.get())
                        error=error_of(|errors| errors.end.clone())
                    />
                    <CheckField label="Milestone" checked=fields.milestone hint="A single date" />
                </div>
                <div class="field-row">
                    <SelectField
                        label="Constraint"
                        value=fields.constraint
                        options=constraint_options
                    />
                    <TextField
                        label="Constraint date"
                        input_type="date"
                        value=fields.constraint_date
                        disabled=Signal::derive(move || {
                            !ConstraintKind::from_key(&fields.constraint.get())
                                .is_some_and(ConstraintKind::has_date)
                        })
                        error=error_of(|errors| errors.constraint.clone())
                    />
                    <TextField
                        label="Deadline"
                        input_type="date"
                        value=fields.deadline
                        hint="Missing it is flagged; it never moves the task"
                        error=error_of(|errors| errors.deadline.clone())
                    />
                </div>
                <p class="field__hint">{START_SETS_CONSTRAINT}</p>
                {move || {
                    existing
                        .and(float.get())
                        .map(|(days, critical, conflict)| {
                            view! {
                                <p class="task-editor__float">
                                    "Float: " {format::float_days(days, critical)}
                                </p>
                                {conflict.map(|conflict| view! {
                                    <p class="form__error" role="status">
                                        {capitalized(&describe_conflict(conflict))} "."
                                    </p>
                                })}
                            }
                        })
                }}
                <div class="field-row">
                    <TextField
                        label="Estimate (hours)"
                        value=fields.estimate
                        inputmode="decimal"
                        error=error_of(|errors| errors.estimate.clone())
                    />
                    <TextField
                        label="Progress (%)"
                        input_type="number"
                        min="0"
                        max="100"
                        step="5"
                        value=fields.progress
                        error=error_of(|errors| errors.progress.clone())
                    />
                </div>
                <TextField
                    label="Tags"
                    value=fields.tags
                    hint="Separate tags with commas"
                    error=error_of(|errors| errors.tags.clone())
                />
                <TaskPicker
                    label="Parent task"
                    value=fields.parent
                    project=project_id
                    rule=ChoiceRule::ParentOf(task_id)
                    empty_choice="None (top level)"
                    error=error_of(|errors| errors.parent.clone())
                />
                <div class="field-row">
                    <TextField
                        label="Planned fixed cost"
                        value=fields.fixed_cost
                        inputmode="decimal"
                        hint=format!("{currency}, on top of the work")
                        error=error_of(|errors| errors.costs.clone())
                    />
                    <TextField
                        label="Actual fixed cost"
                        value=fields.actual_fixed_cost
                        inputmode="decimal"
                        hint=format!("{currency}, spent so far")
                    />
                </div>
                <fieldset class="fieldset">
                    <legend>"Dependencies"</legend>
                    <p class="field__hint">
                        "This task waits for the tasks listed here. Lag is in working days; negative lag overlaps."
                    </p>
                    <For
                        each=move || fields.dependencies.get()
                        key=|row| row.key
                        children=move |row| {
                            let number = move || {
                                fields
                                    .dependencies
                                    .with(|rows| rows.iter().position(|other| other.key == row.key))
                                    .map(|index| index + 1)
                                    .unwrap_or(0)
                            };
                            view! {
                                <div
                                    class="dependency-row"
                                    role="group"
                                    aria-label=move || format!("Dependency {}", number())
                                >
                                    <TaskPicker
                                        label="Predecessor"
                                        value=row.predecessor
                                        project=project_id
                                        rule=ChoiceRule::PredecessorOf(task_id)
                                        placeholder="Choose a task…"
                                    />
                                    <SelectField label="Link type" value=row.kind options=kind_options.clone() />
                                    <TextField
                                        label="Lag (working days)"
                                        input_type="number"
                                        step="1"
                                        value=row.lag
                                    />
                                    <button
                                        type="button"
                                        class="button button--quiet"
                                        on:click=move |_| {
                                            fields
                                                .dependencies
                                                .update(|rows| rows.retain(|other| other.key != row.key))
                                        }
                                    >
                                        "Remove dependency"
                                    </button>
                                </div>
                            }
                        }
                    />
                    <p class="field__error" aria-live="polite">
                        {move || errors.get().dependencies.unwrap_or_default()}
                    </p>
                    <button type="button" class="button" on:click=move |_| fields.add_dependency()>
                        "Add dependency"
                    </button>
                </fieldset>
                <div class="modal__actions">
                    {existing
                        .map(|_| {
                            view! {
                                <button
                                    type="button"
                                    class="button button--danger modal__actions-start"
                                    on:click=move |_| confirming_delete.set(true)
                                >
                                    "Delete"
                                </button>
                            }
                        })}
                    <button type="button" class="button" on:click=move |_| editor.close()>
                        "Cancel"
                    </button>
                    <button type="submit" class="button button--primary">
                        "Save"
                    </button>
                </div>
            </form>
            {existing.map(|task| view! { <super::time::TaskTimeSection project=project_id task=task /> })}
            <Show when=move || confirming_delete.get()>
                <ConfirmDialog
                    title=delete_title.clone()
                    message="The task, its subtasks and every dependency on them will be deleted. You can undo it with Ctrl+Z."
                    confirm_label="Delete"
                    on_confirm=Callback::new(move |_| {
                        confirming_delete.set(false);
                        editor.close();
                        state.delete_task(project_id, task_id);
                    })
                    on_cancel=Callback::new(move |_| confirming_delete.set(false))
                />
            </Show>
        </Modal>
    }
    .into_any()
}
