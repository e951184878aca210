//! Storage and memory at 1,000, 10,000 and 50,000 tasks of the browser benchmark's plan: the
//! stored size, how long the first save, a one-task save and a load take on an in-memory
//! store, the peak heap that reading a stored project reaches (row by row against the general
//! reader, a `serde_json::Value` of the whole project), and the peak and kept heap of what
//! the app builds from a project (validation, the schedule, the board's index and layout, the
//! stored text).
//!
//! Run with `cargo bench --bench storage` (release), or `cargo test --bench storage` (a debug
//! build, which is quicker to build and gives the same heap figures); it prints tables for
//! docs/PERFORMANCE.md. Times are native, so only their ratios carry over to the browser. Heap
//! figures are of a 64-bit host: wasm32 has 4-byte pointers and lengths, so structures of
//! pointers (`String`, `Vec`, `Arc`, maps) take about two thirds of this there.

use ironplan::heap_count;
use ironplan::model::io::{self, Plan};
use ironplan::model::{board, schedule, Task, Workspace};
use ironplan::store::persist::{self, MemoryStore, Saved};
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: heap_count::Counting = heap_count::Counting;

/// Peak heap above what was live when `run` started, and what its result keeps, in MB.
fn peak_of<T>(run: impl FnOnce() -> T) -> (T, f64, f64) {
    let base = heap_count::live();
    heap_count::restart_peak();
    let value = run();
    let kept = heap_count::live() - base;
    let peak = heap_count::peak() - base;
    (value, peak as f64 / 1e6, kept as f64 / 1e6)
}

fn millis<T>(run: impl FnOnce() -> T) -> (T, f64) {
    let started = Instant::now();
    let value = run();
    (value, started.elapsed().as_secs_f64() * 1000.0)
}

#[path = "bench_plan.rs"]
mod bench_plan;

/// The browser benchmark's plan of `count` tasks (tests/e2e/bench/plan.ts), imported as the
/// app's Import reads it, on 2026-12-06.
fn plan(count: usize) -> Workspace {
    let file = bench_plan::bench_plan(count, 90).to_string();
    let Ok(Plan::Project(imported)) = io::read_plan(&file) else {
        panic!("the benchmark's plan imports");
    };
    let mut workspace = Workspace::default();
    for person in imported.people {
        workspace.add_person(person, None).expect("a new person");
    }
    workspace.add_project(imported.project).expect("added");
    workspace
}

fn main() {
    println!(
        "| tasks | stored characters (a task) | first save | one-task save (written) | load | project in memory | read row by row: time, peak heap | general reader: time, peak heap |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut memory = Vec::new();
    for count in [1_000, 10_000, 50_000] {
        let workspace = plan(count);
        let project = workspace.projects()[0].clone();
        let people = workspace.people().to_vec();
        let text = io::write_compact_project(&project, &people, 1);

        let mut store = MemoryStore::default();
        let mut saved = Saved::default();
        let ((_, first_save), save_peak, _) =
            peak_of(|| millis(|| persist::save(&mut store, &workspace, &mut saved)));
        let mut edited = workspace.clone();
        let project_mut = edited.project_mut(project.id).expect("exists");
        let mut task = project_mut.tasks()[count / 2].as_ref().clone();
        task.title.push_str(", edited");
        project_mut
            .update_task(task, project.start)
            .expect("a valid edit");
        let ((report, edit_save), edit_peak, _) =
            peak_of(|| millis(|| persist::save(&mut store, &edited, &mut saved)));
        let written = report.expect("saves").characters;
        let ((loaded, load), load_peak, _) =
            peak_of(|| millis(|| persist::load(&store).expect("loads")));
        assert_eq!(loaded.workspace, edited);

        let ((fast, fast_time), fast_peak, kept) = peak_of(|| millis(|| io::read_plan(&text)));
        // Leading white space hides the kind from the row-by-row reader: the general reader.
        let padded = format!("{}{text}", " ".repeat(200));
        let ((general, general_time), general_peak, _) =
            peak_of(|| millis(|| io::read_plan(&padded)));
        assert!(matches!(fast, Ok(Plan::Project(_))));
        assert_eq!(fast, general);

        println!(
            "| {count} | {} ({:.1}) | {first_save:.1} ms | {edit_save:.2} ms ({written} characters) | {load:.1} ms | {kept:.1} MB | {fast_time:.1} ms, {fast_peak:.1} MB | {general_time:.1} ms, {general_peak:.1} MB |",
            text.len(),
            text.len() as f64 / count as f64,
        );

        // What else holds memory per task, once the project is read.
        let (schedule, schedule_peak, schedule_kept) = peak_of(|| schedule::compute(&project));
        let (index, index_peak, index_kept) = peak_of(|| board::TaskIndex::new(&project));
        let (layout, layout_peak, layout_kept) = peak_of(|| {
            board::board_layout(
                &project,
                &people,
                &board::BoardFilter::default(),
                board::BoardGrouping::None,
            )
        });
        let (whole, whole_peak, _) = peak_of(|| io::write_compact_project(&project, &people, 2));
        drop((schedule, index, layout, whole));
        memory.push(format!(
            "| {count} | {kept:.1} MB ({:.0} B a task) | {fast_peak:.1} MB | {schedule_peak:.1} / {schedule_kept:.1} MB | {index_peak:.1} / {index_kept:.1} MB | {layout_peak:.1} / {layout_kept:.1} MB | {whole_peak:.1} MB | {save_peak:.1} MB | {edit_peak:.1} MB | {load_peak:.1} MB |",
            kept * 1e6 / count as f64,
        ));
    }
    println!();
    println!(
        "`size_of::<Task>()` = {} bytes, plus its `Arc` counts (16 bytes) and its strings and lists.",
        std::mem::size_of::<Task>()
    );
    println!();
    println!(
        "| tasks | project read (kept) | reading peak (with validation) | schedule, peak / kept | task index, peak / kept | board layout, peak / kept | whole stored text, peak | first save in parts, peak | one-task save, peak | load from parts, peak |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for line in memory {
        println!("{line}");
    }
}
