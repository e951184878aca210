//! The tasks a task field may offer, searched by title: what the task editor's "Parent task"
//! and "Predecessor" pickers list. It owns who may be chosen and the search; the widget, the
//! keys and the wording are the UI's.
//!
//! Cost follows what is shown, not the plan: titles are compared by reference (no string is
//! made per task), the shown matches stop at a limit and the rest are only counted.

use crate::model::ids::{IdMap, IdSet, TaskId};
use crate::model::project::Project;
use crate::model::task::Task;

/// Which tasks a field offers, for the task being edited (or drafted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceRule {
    /// A parent for the task: any task but itself, its subtasks (at any depth) and milestones.
    ParentOf(TaskId),
    /// A predecessor for the task: any task but itself.
    PredecessorOf(TaskId),
}

/// One task to show in a picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskChoice {
    pub id: TaskId,
    pub title: String,
    /// The title of the task's parent, which tells repeated titles apart ("Testing" under each
    /// phase); `None` for a top-level task.
    pub parent_title: Option<String>,
}

/// The first matches of a search and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskMatches {
    /// At most the limit, in plan order.
    pub shown: Vec<TaskChoice>,
    /// Every allowed task that matches, shown or not.
    pub total: usize,
}

/// The tasks a rule allows in one project, prepared once while a picker is open: the subtasks
/// a parent must not be are found in one pass here, not on every key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskChoices {
    rule: ChoiceRule,
    below: IdSet<TaskId>,
}

impl TaskChoices {
    /// The choices `rule` allows in `project`.
    pub fn new(project: &Project, rule: ChoiceRule) -> TaskChoices {
        let below = match rule {
            ChoiceRule::ParentOf(task) => project.descendants(task),
            ChoiceRule::PredecessorOf(_) => IdSet::default(),
        };
        TaskChoices { rule, below }
    }

    /// True when `task` may be chosen.
    pub fn allows(&self, task: &Task) -> bool {
        match self.rule {
            ChoiceRule::ParentOf(me) => {
                task.id != me
                    && !task.milestone
                    && (self.below.is_empty() || !self.below.contains(&task.id))
            }
            ChoiceRule::PredecessorOf(me) => task.id != me,
        }
    }

    /// The allowed tasks whose title contains `query`, ignoring case and the query's surrounding
    /// spaces, in plan order: the first `limit` of them with their parents' titles, and the
    /// count of all. An empty query matches every allowed task.
    pub fn matching(&self, project: &Project, query: &str, limit: usize) -> TaskMatches {
        let needle = TitleNeedle::new(query);
        let mut found: Vec<&Task> = Vec::new();
        let mut total = 0;
        let mut scratch = String::new();
        for task in project.tasks() {
            if self.allows(task) && needle.found_in(&task.title, &mut scratch) {
                total += 1;
                if found.len() < limit {
                    found.push(task);
                }
            }
        }
        let parents = parent_titles(project, &found);
        let shown = found
            .into_iter()
            .map(|task| TaskChoice {
                id: task.id,
                title: task.title.clone(),
                parent_title: task
                    .parent
                    .and_then(|parent| parents.get(&parent).map(|title| title.to_string())),
            })
            .collect();
        TaskMatches { shown, total }
    }

    /// The first allowed task titled exactly `text`, ignoring case and surrounding spaces: what a
    /// picker takes when someone types a whole title and leaves the field.
    pub fn titled(&self, project: &Project, text: &str) -> Option<TaskId> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let allowed = || project.tasks().iter().filter(|task| self.allows(task));
        allowed()
            .find(|task| task.title == text)
            .or_else(|| allowed().find(|task| same_ignoring_case(&task.title, text)))
            .map(|task| task.id)
    }
}

/// The titles of the parents of `tasks`, found in one pass that stops when all are found.
fn parent_titles<'a>(project: &'a Project, tasks: &[&Task]) -> IdMap<TaskId, &'a str> {
    let wanted: IdSet<TaskId> = tasks.iter().filter_map(|task| task.parent).collect();
    let mut titles = IdMap::default();
    if wanted.is_empty() {
        return titles;
    }
    for task in project.tasks() {
        if wanted.contains(&task.id) {
            titles.insert(task.id, task.title.as_str());
            if titles.len() == wanted.len() {
                break;
            }
        }
    }
    titles
}

fn same_ignoring_case(left: &str, right: &str) -> bool {
    left.chars()
        .flat_map(char::to_lowercase)
        .eq(right.chars().flat_map(char::to_lowercase))
}

/// A lower-cased query, compared with titles without making a string per title: ASCII titles
/// (most of them) byte by byte, others lower-cased into one reused buffer.
struct TitleNeedle {
    lower: String,
}

impl TitleNeedle {
    fn new(query: &str) -> TitleNeedle {
        TitleNeedle {
            lower: query.trim().to_lowercase(),
        }
    }

    fn found_in(&self, title: &str, scratch: &mut String) -> bool {
        let needle = self.lower.as_bytes();
        if needle.is_empty() {
            return true;
        }
        if title.is_ascii() {
            // An ASCII title lower-cases to ASCII, so a needle with other letters cannot match.
            return self.lower.is_ascii()
                && title
                    .as_bytes()
                    .windows(needle.len())
                    .any(|window| window.eq_ignore_ascii_case(needle));
        }
        scratch.clear();
        scratch.extend(title.chars().flat_map(char::to_lowercase));
        scratch.contains(self.lower.as_str())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::testing::TestPlan;
    use proptest::prelude::*;

    /// A plan with phases, each with "Design" and "Testing" under it, and a milestone.
    fn phases(count: usize) -> (TestPlan, Vec<TaskId>) {
        let mut plan = TestPlan::new("2027-01-04");
        let mut phases = Vec::new();
        for number in 1..=count {
            let phase = plan.task(
                &format!("Phase {number}"),
                "2027-01-04",
                "2027-01-08",
                0,
                None,
            );
            for title in ["Design", "Testing"] {
                let mut task = plan.draft(title, "2027-01-04", "2027-01-08");
                task.parent = Some(phase);
                plan.add(task);
            }
            phases.push(phase);
        }
        plan.milestone("Go-live", "2027-01-15");
        (plan, phases)
    }

    fn titles(matches: &TaskMatches) -> Vec<(&str, Option<&str>)> {
        matches
            .shown
            .iter()
            .map(|choice| (choice.title.as_str(), choice.parent_title.as_deref()))
            .collect()
    }

    #[test]
    fn a_search_ignores_case_and_names_the_parent_of_each_match() {
        let (plan, phases) = phases(2);
        let choices = TaskChoices::new(plan.project(), ChoiceRule::PredecessorOf(phases[0]));
        let matches = choices.matching(plan.project(), "  TEST ", 50);
        assert_eq!(
            titles(&matches),
            vec![("Testing", Some("Phase 1")), ("Testing", Some("Phase 2"))]
        );
        assert_eq!(matches.total, 2);
    }

    #[test]
    fn a_parent_is_never_the_task_itself_its_subtasks_or_a_milestone() {
        let (plan, phases) = phases(2);
        let choices = TaskChoices::new(plan.project(), ChoiceRule::ParentOf(phases[0]));
        let matches = choices.matching(plan.project(), "", 50);
        assert_eq!(
            titles(&matches),
            vec![
                ("Phase 2", None),
                ("Design", Some("Phase 2")),
                ("Testing", Some("Phase 2"))
            ]
        );
    }

    #[test]
    fn a_predecessor_is_any_task_but_the_task_itself() {
        let (plan, phases) = phases(1);
        let choices = TaskChoices::new(plan.project(), ChoiceRule::PredecessorOf(phases[0]));
        let matches = choices.matching(plan.project(), "", 50);
        assert_eq!(
            titles(&matches),
            vec![
                ("Design", Some("Phase 1")),
                ("Testing", Some("Phase 1")),
                ("Go-live", None)
            ]
        );
    }

    #[test]
    fn a_cut_search_still_counts_every_match() {
        let (plan, phases) = phases(30);
        let choices = TaskChoices::new(plan.project(), ChoiceRule::PredecessorOf(phases[0]));
        let matches = choices.matching(plan.project(), "phase", 10);
        assert_eq!(matches.shown.len(), 10);
        assert_eq!(matches.total, 29);
        assert_eq!(matches.shown[0].title, "Phase 2");
    }

    #[test]
    fn titles_beyond_ascii_are_found_whatever_their_case() {
        let mut plan = TestPlan::new("2027-01-04");
        let me = plan.task("Kickoff", "2027-01-04", "2027-01-08", 0, None);
        plan.task("Übergabe", "2027-01-04", "2027-01-08", 0, None);
        plan.task("Straße SPERREN", "2027-01-04", "2027-01-08", 0, None);
        plan.task("Ausbau", "2027-01-04", "2027-01-08", 0, None);
        let choices = TaskChoices::new(plan.project(), ChoiceRule::PredecessorOf(me));
        let found = |query: &str| {
            choices
                .matching(plan.project(), query, 50)
                .shown
                .into_iter()
                .map(|choice| choice.title)
                .collect::<Vec<_>>()
        };
        assert_eq!(found("straße sp"), vec!["Straße SPERREN"]);
        assert_eq!(found("üBER"), vec!["Übergabe"]);
        assert_eq!(found("ue"), Vec::<String>::new());
        assert_eq!(found("AUS"), vec!["Ausbau"]);
    }

    #[test]
    fn a_whole_title_typed_in_finds_its_task_exact_case_first() {
        let mut plan = TestPlan::new("2027-01-04");
        let me = plan.task("Deploy", "2027-01-04", "2027-01-08", 0, None);
        let lower = plan.task("testing", "2027-01-04", "2027-01-08", 0, None);
        let upper = plan.task("Testing", "2027-01-04", "2027-01-08", 0, None);
        let choices = TaskChoices::new(plan.project(), ChoiceRule::ParentOf(me));
        assert_eq!(choices.titled(plan.project(), " Testing "), Some(upper));
        assert_eq!(choices.titled(plan.project(), "TESTING"), Some(lower));
        assert_eq!(choices.titled(plan.project(), "Test"), None);
        assert_eq!(choices.titled(plan.project(), "Deploy"), None);
        assert_eq!(choices.titled(plan.project(), ""), None);
    }

    proptest! {
        #[test]
        fn a_search_shows_at_most_the_limit_only_matches_and_counts_them_exactly(
            titles in proptest::collection::vec("[a-cA-CÄä][a-cA-CÄä ]{0,5}", 1..40),
            query in "[a-cA-CÄä]{0,2}",
            limit in 0usize..12,
        ) {
            let mut plan = TestPlan::new("2027-01-04");
            let ids: Vec<TaskId> = titles
                .iter()
                .map(|title| plan.task(title, "2027-01-04", "2027-01-08", 0, None))
                .collect();
            let choices = TaskChoices::new(plan.project(), ChoiceRule::PredecessorOf(ids[0]));
            let matches = choices.matching(plan.project(), &query, limit);
            let lower = query.to_lowercase();
            let expected: Vec<TaskId> = plan
                .project()
                .tasks()
                .iter()
                .filter(|task| task.id != ids[0] && task.title.to_lowercase().contains(&lower))
                .map(|task| task.id)
                .collect();
            prop_assert!(matches.shown.len() <= limit);
            prop_assert_eq!(matches.total, expected.len());
            let shown: Vec<TaskId> = matches.shown.iter().map(|choice| choice.id).collect();
            prop_assert_eq!(&shown[..], &expected[..limit.min(expected.len())]);
        }
    }
}
