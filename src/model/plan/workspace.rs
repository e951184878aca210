//! The workspace: every project, the people roster and the user's settings.
//!
//! Commands that span projects and people live here: a person is in the roster before they can
//! join a team, and leaving the roster takes them off every team.

use crate::model::error::{Field, ModelError, ModelResult};
use crate::model::ids::{PersonId, ProjectId};
use crate::model::person::Person;
use crate::model::project::{check_money, checked_name, Project};
use crate::model::text;
use crate::model::units::Hours;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

/// Preferences that belong to this browser's workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Colour theme.
    #[serde(default)]
    pub theme: Theme,
}

/// Everything the user has: projects in their list order, people and settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    /// Projects in list order.
    #[serde(default)]
    projects: Vec<Arc<Project>>,
    /// The people roster, shared by all projects.
    #[serde(default)]
    people: Vec<Person>,
    /// User preferences.
    #[serde(default)]
    pub settings: Settings,
}

impl Workspace {
    /// Projects in list order.
    pub fn projects(&self) -> &[Arc<Project>] {
        &self.projects
    }

    /// The project `id`.
    pub fn project(&self, id: ProjectId) -> ModelResult<&Project> {
        self.find_project(id).ok_or(ModelError::UnknownProject(id))
    }

    /// The project `id`, if it exists.
    pub fn find_project(&self, id: ProjectId) -> Option<&Project> {
        self.projects
            .iter()
            .find(|project| project.id == id)
            .map(|project| project.as_ref())
    }

    /// The project `id`, for a change. Projects are shared between undo snapshots, so this
    /// copies it on first write.
    pub fn project_mut(&mut self, id: ProjectId) -> ModelResult<&mut Project> {
        self.projects
            .iter_mut()
            .find(|project| project.id == id)
            .map(Arc::make_mut)
            .ok_or(ModelError::UnknownProject(id))
    }

    /// The people roster.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The person `id`, if they exist.
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|person| person.id == id)
    }

    /// Adds a project built through [`Project::new`] (or checked by `validate`) at the end of the
    /// list. Its team must already be in the roster.
    pub fn add_project(&mut self, project: Project) -> ModelResult {
        if self.find_project(project.id).is_some() {
            return Err(ModelError::DuplicateId(project.id.uuid()));
        }
        if let Some(missing) = project
            .team()
            .iter()
            .find(|member| self.person(**member).is_none())
        {
            return Err(ModelError::UnknownPerson(*missing));
        }
        self.projects.push(Arc::new(project));
        Ok(())
    }

    /// Replaces the project with the same id, keeping its place in the list.
    pub fn replace_project(&mut self, project: Project) -> ModelResult {
        let slot = self
            .projects
            .iter_mut()
            .find(|known| known.id == project.id)
            .ok_or(ModelError::UnknownProject(project.id))?;
        *slot = Arc::new(project);
        Ok(())
    }

    /// Renames project `id`.
    pub fn rename_project(&mut self, id: ProjectId, name: &str) -> ModelResult {
        let name = checked_name(name, Field::ProjectName)?;
        self.project_mut(id)?.name = name;
        Ok(())
    }

    /// Deletes project `id` and returns it. People stay in the roster.
    pub fn remove_project(&mut self, id: ProjectId) -> ModelResult<Arc<Project>> {
        let index = self
            .projects
            .iter()
            .position(|project| project.id == id)
            .ok_or(ModelError::UnknownProject(id))?;
        Ok(self.projects.remove(index))
    }

    /// Moves project `id` to position `index` in the list.
    pub fn move_project(&mut self, id: ProjectId, index: usize) -> ModelResult {
        let from = self
            .projects
            .iter()
            .position(|project| project.id == id)
            .ok_or(ModelError::UnknownProject(id))?;
        let project = self.projects.remove(from);
        let at = index.min(self.projects.len());
        self.projects.insert(at, project);
        Ok(())
    }

    /// Adds `person` to the roster, and to the team of `project` when given.
    pub fn add_person(&mut self, mut person: Person, project: Option<ProjectId>) -> ModelResult {
        if self.person(person.id).is_some() {
            return Err(ModelError::DuplicateId(person.id.uuid()));
        }
        check_person(&mut person)?;
        if let Some(project) = project {
            self.project(project)?;
        }
        let id = person.id;
        self.people.push(person);
        if let Some(project) = project {
            self.project_mut(project)?.add_member(id);
        }
        Ok(())
    }

    /// Replaces the roster entry with the same id.
    pub fn update_person(&mut self, mut person: Person) -> ModelResult {
        check_person(&mut person)?;
        let slot = self
            .people
            .iter_mut()
            .find(|known| known.id == person.id)
            .ok_or(ModelError::UnknownPerson(person.id))?;
        *slot = person;
        Ok(())
    }

    /// Puts a roster person on `project`'s team.
    pub fn add_team_member(&mut self, project: ProjectId, person: PersonId) -> ModelResult {
        if self.person(person).is_none() {
            return Err(ModelError::UnknownPerson(person));
        }
        self.project_mut(project)?.add_member(person);
        Ok(())
    }

    /// Takes `person` off `project`'s team and unassigns their tasks there.
    pub fn remove_team_member(&mut self, project: ProjectId, person: PersonId) -> ModelResult {
        self.project_mut(project)?.remove_member(person);
        Ok(())
    }

    /// Removes `person` from the roster, every team and every assignment.
    pub fn remove_person(&mut self, person: PersonId) -> ModelResult {
        if self.person(person).is_none() {
            return Err(ModelError::UnknownPerson(person));
        }
        for project in &mut self.projects {
            if project.team().contains(&person) {
                Arc::make_mut(project).remove_member(person);
            }
        }
        self.people.retain(|known| known.id != person);
        Ok(())
    }

    pub(in crate::model) fn people_mut(&mut self) -> &mut Vec<Person> {
        &mut self.people
    }

    pub(in crate::model) fn projects_mut(&mut self) -> &mut Vec<Arc<Project>> {
        &mut self.projects
    }
}

/// Cleans and checks a person's fields.
pub(in crate::model) fn check_person(person: &mut Person) -> ModelResult {
    person.name = checked_name(&person.name, Field::PersonName)?;
    person.role = text::clean_line(&person.role);
    if person.role.chars().count() > text::MAX_NAME_CHARS {
        return Err(ModelError::TooLong {
            field: Field::PersonRole,
            max: text::MAX_NAME_CHARS,
        });
    }
    check_money(person.hourly_rate)?;
    if person.weekly_capacity > Hours::whole(168) {
        return Err(ModelError::CapacityTooLarge(person.weekly_capacity));
    }
    Ok(())
}
