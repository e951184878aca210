//! Storage at 1,000, 10,000 and 50,000 tasks: how long the first save, a one-task save and a
//! load take on an in-memory store, and the peak heap that reading a stored project reaches,
//! row by row against the general reader (a `serde_json::Value` of the whole project).
//!
//! Run with `cargo bench --bench storage`; it prints a table for docs/PERFORMANCE.md. Times are
//! native, so only their ratios carry over to the browser; the peaks carry over to wasm memory.

use chrono::NaiveDate;
use ironplan::model::io::{self, Plan};
use ironplan::model::{
    validate, Currency, Dependency, Project, ProjectId, SequentialIds, Task, TaskId, Workspace,
};
use ironplan::store::persist::{self, MemoryStore, Saved};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes live and the most ever live since [`reset_peak`].
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(pointer, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak heap above what was live when `run` started, and what its result keeps, in MB.
fn peak_of<T>(run: impl FnOnce() -> T) -> (T, f64, f64) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let value = run();
    let kept = LIVE.load(Ordering::Relaxed) - base;
    let peak = PEAK.load(Ordering::Relaxed) - base;
    (value, peak as f64 / 1e6, kept as f64 / 1e6)
}

fn millis<T>(run: impl FnOnce() -> T) -> (T, f64) {
    let started = Instant::now();
    let value = run();
    (value, started.elapsed().as_secs_f64() * 1000.0)
}

/// A plan of `count` tasks with realistic titles, every third one linked to an earlier one.
fn plan(count: usize) -> Workspace {
    let mut ids = SequentialIds::default();
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a valid date");
    let project = Project::new(
        ProjectId::new(&mut ids),
        "Large plan",
        start,
        Currency::EUR,
        &mut ids,
    )
    .expect("a valid project");
    let columns: Vec<_> = project.columns().iter().map(|column| column.id).collect();
    let mut tasks: Vec<Task> = Vec::with_capacity(count);
    for number in 0..count {
        let first = start + chrono::Days::new((number % 300) as u64);
        let mut task = Task::new(
            TaskId::new(&mut ids),
            format!("Migrate customer accounts, batch {number}"),
            columns[number % columns.len()],
            first,
            start,
        );
        task.end = first + chrono::Days::new((number % 9) as u64);
        if number % 3 == 2 {
            task.dependencies
                .push(Dependency::finish_to_start(tasks[number / 2].id));
        }
        tasks.push(task);
    }
    let mut value = serde_json::to_value(&project).expect("a project serializes");
    value["tasks"] = serde_json::to_value(&tasks).expect("tasks serialize");
    let mut project: Project = serde_json::from_value(value).expect("the plan reads back");
    validate::project(&mut project, &HashSet::new()).expect("the generated plan is valid");
    let mut workspace = Workspace::default();
    workspace.add_project(project).expect("added");
    workspace
}

fn main() {
    println!(
        "| tasks | stored characters | first save | one-task save (written) | load | project in memory | read row by row: time, peak heap | general reader: time, peak heap |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for count in [1_000, 10_000, 50_000] {
        let workspace = plan(count);
        let project = workspace.projects()[0].clone();
        let text = io::write_compact_project(&project, &[], 1);

        let mut store = MemoryStore::default();
        let mut saved = Saved::default();
        let (_, first_save) = millis(|| persist::save(&mut store, &workspace, &mut saved));
        let mut edited = workspace.clone();
        let project_mut = edited.project_mut(project.id).expect("exists");
        let mut task = project_mut.tasks()[count / 2].as_ref().clone();
        task.title.push_str(", edited");
        project_mut
            .update_task(task, project.start)
            .expect("a valid edit");
        let (report, edit_save) = millis(|| persist::save(&mut store, &edited, &mut saved));
        let written = report.expect("saves").characters;
        let (loaded, load) = millis(|| persist::load(&store).expect("loads"));
        assert_eq!(loaded.workspace, edited);

        let ((fast, fast_time), fast_peak, kept) = peak_of(|| millis(|| io::read_plan(&text)));
        // Leading white space hides the kind from the row-by-row reader: the general reader.
        let padded = format!("{}{text}", " ".repeat(200));
        let ((general, general_time), general_peak, _) =
            peak_of(|| millis(|| io::read_plan(&padded)));
        assert!(matches!(fast, Ok(Plan::Project(_))));
        assert_eq!(fast, general);

        println!(
            "| {count} | {} | {first_save:.1} ms | {edit_save:.2} ms ({written} characters) | {load:.1} ms | {kept:.1} MB | {fast_time:.1} ms, {fast_peak:.1} MB | {general_time:.1} ms, {general_peak:.1} MB |",
            text.len(),
        );
    }
}
