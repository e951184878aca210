//! Projects stored in parts, so that a save rewrites only what changed.
//!
//! ```text
//! ironplan:project:<uuid>                     the manifest: revision, and each part's length and hash
//! ironplan:part:<uuid>:<revision>:0           the shell: the project without its tasks
//! ironplan:part:<uuid>:<revision>:<n>         task rows, [`CHUNK_ROWS`] to a part
//! ```
//!
//! A save writes the parts that changed under keys of its new revision (so it never writes over
//! a part the stored manifest names), then the manifest, then removes the parts no manifest
//! names any more. A crash before the manifest leaves the previous revision whole (the new
//! parts are unnamed leftovers, removed by the next save); after it, the new one. Loading checks
//! every part against the length and hash the manifest recorded, so parts of two saves are never
//! mixed: a mismatch makes the project unreadable, and then it is protected like any other.
//! Projects stored whole under their key (before parts existed) keep loading, and are written
//! in parts by their next save.

use super::{project_key, KeyValue, StorageFault};
use crate::model::io::{
    created_base, is_manifest, read_manifest, read_stored_parts, write_compact_shell,
    write_manifest, CompactText, ImportError, ImportedProject, ManifestKind, RowEncoder,
    StoredManifest, StoredPart, CURRENT_VERSION, DEFAULT_LIMITS,
};
use crate::model::schedule::IdSet;
use crate::model::{Person, Project, ProjectId, Task, TaskId};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Prefix of the keys of project parts.
pub const PART_PREFIX: &str = "ironplan:part:";

/// Task rows in one part: a one-task edit rewrites about 100,000 characters, not the plan.
pub const CHUNK_ROWS: usize = 1000;

/// The key of part `number` of `project`, written by the save of `revision`.
pub fn part_key(project: ProjectId, revision: u64, number: u32) -> String {
    format!("{PART_PREFIX}{project}:{revision}:{number}")
}

/// The project a part key belongs to, or `None` for any other key.
pub fn part_owner(key: &str) -> Option<ProjectId> {
    parse_part_key(key).map(|(project, _)| project)
}

/// The project and revision of a part key, or `None` for any other key.
fn parse_part_key(key: &str) -> Option<(ProjectId, u64)> {
    let mut pieces = key.strip_prefix(PART_PREFIX)?.split(':');
    let project = pieces.next()?.parse().ok()?;
    let revision = pieces.next()?.parse().ok()?;
    let _number: u32 = pieces.next()?.parse().ok()?;
    pieces.next().is_none().then_some((project, revision))
}

/// Stored text that cannot be read whole: why, and every key it spans (to protect them all).
#[derive(Debug)]
pub struct Unreadable {
    pub error: ImportError,
    pub keys: Vec<String>,
    /// For download: the text under the project's key, or when a part is wrong or missing,
    /// what the parts still hold, joined as if they were right.
    pub raw: String,
}

/// The whole stored text of `project`, whose key holds `text`: that text when it is a whole
/// project, or the parts its manifest names, each checked against the manifest and joined.
pub fn whole_text(
    store: &(impl KeyValue + ?Sized),
    project: ProjectId,
    text: String,
) -> Result<Result<String, Unreadable>, StorageFault> {
    if !is_manifest(&text) {
        return Ok(Ok(text));
    }
    let manifest = match read_manifest(&text) {
        Ok(manifest) => manifest,
        Err(error) => {
            return Ok(Err(Unreadable {
                error,
                keys: vec![project_key(project)],
                raw: text,
            }))
        }
    };
    let keys: Vec<String> = std::iter::once(project_key(project))
        .chain(
            manifest
                .parts
                .iter()
                .map(|part| part_key(project, part.revision, part.number)),
        )
        .collect();
    // The manifest's lengths are only a hint: a hostile one must not reserve the world.
    let capacity = manifest
        .parts
        .iter()
        .fold(40usize, |sum, part| {
            sum.saturating_add(part.length).saturating_add(1)
        })
        .min(DEFAULT_LIMITS.max_bytes as usize);
    let mut whole: Option<CompactText> = None;
    let mut problem = None;
    for (part, key) in manifest.parts.iter().zip(&keys[1..]) {
        let part_text = store.get(key)?;
        let wrong = match &part_text {
            Some(part_text) if part.matches(part_text) => None,
            Some(_) => Some("does not match its manifest: it was written by another save"),
            None => Some("is missing"),
        };
        if let (Some(wrong), None) = (wrong, &problem) {
            problem = Some(ImportError::Field {
                path: key.clone(),
                message: format!(
                    "part {} of revision {} {wrong}",
                    part.number, manifest.revision
                ),
                position: None,
            });
        }
        // Even a wrong part is joined in: then the raw text offered for download holds all
        // that is left of the project.
        let part_text = part_text.unwrap_or_default();
        match whole.as_mut() {
            Some(whole) => whole.push_run(&part_text),
            None => whole = Some(CompactText::new(manifest.revision, &part_text, capacity)),
        }
    }
    let whole = whole.expect("a manifest has a shell").finish();
    Ok(match problem {
        None => Ok(whole),
        Some(error) => Err(Unreadable {
            error,
            keys,
            raw: whole,
        }),
    })
}

/// Reads the project whose key holds `text` straight from its parts, one part at a time,
/// without joining them: `None` when `text` is not a manifest, or anything is amiss (a part
/// missing or different, a cell wrong); then [`whole_text`] and the general reader name it.
pub fn read_in_parts(
    store: &(impl KeyValue + ?Sized),
    project: ProjectId,
    text: &str,
) -> Option<ImportedProject> {
    if !is_manifest(text) {
        return None;
    }
    let manifest = read_manifest(text).ok()?;
    let (shell_part, rows) = manifest.parts.split_first()?;
    let shell = store
        .get(&part_key(project, shell_part.revision, shell_part.number))
        .ok()??;
    if !shell_part.matches(&shell) {
        return None;
    }
    // The joined text: `{"revision":R,` + the shell without braces + `,"tasks":[` + the runs
    // joined by commas + `]}`, as `CompactText` builds it.
    let runs: Vec<usize> = rows
        .iter()
        .map(|part| part.length)
        .filter(|length| *length > 0)
        .collect();
    let length = 13
        + manifest.revision.to_string().len()
        + shell.len().saturating_sub(2)
        + 10
        + runs.iter().sum::<usize>()
        + runs.len().saturating_sub(1)
        + 2;
    let mut parts = rows.iter();
    let mut next_run = || {
        let part = parts.next()?;
        let text = store
            .get(&part_key(project, part.revision, part.number))
            .ok()
            .flatten();
        Some(text.filter(|text| part.matches(text)))
    };
    read_stored_parts(manifest.revision, &shell, length, &mut next_run)
}

/// What the project's key held before this save, to reuse the parts that did not change.
pub struct Previous<'a> {
    /// The stored manifest, when the key held one that reads.
    pub manifest: Option<StoredManifest>,
    /// The project that manifest was written from, when this tab wrote or loaded it: parts
    /// whose tasks are all the same values need not even be encoded again.
    pub project: Option<&'a Project>,
    /// The row encoder of `project`, when the save that wrote it built one: kept for the
    /// next save while the rows stay where they are (building it is a pass over every task).
    pub encoder: Option<Arc<RowEncoder>>,
}

/// Writes `project` as `revision` in parts of `rows_per_chunk` tasks, reusing the parts of
/// `previous` that hold the same text; then the manifest; then removes parts nothing names.
/// Returns the characters written and the row encoder of `project`, when one was built or
/// kept. On a failed write the new parts written so far are removed again, and the stored
/// project is as it was.
pub fn write_project(
    store: &mut (impl KeyValue + ?Sized),
    project: &Project,
    roster: &[Person],
    revision: u64,
    previous: Previous<'_>,
    rows_per_chunk: usize,
) -> Result<(usize, Option<Arc<RowEncoder>>), StorageFault> {
    let rows_per_chunk = rows_per_chunk.max(1);
    let old_parts: &[StoredPart] = previous
        .manifest
        .as_ref()
        .map(|manifest| manifest.parts.as_slice())
        .unwrap_or_default();
    let by_content: HashMap<(&str, usize, usize), &StoredPart> = old_parts
        .iter()
        .map(|part| ((part.hash.as_str(), part.length, part.rows), part))
        .collect();
    let same_rows = previous
        .project
        .filter(|old| same_row_context(old, project));
    let mut old_ranges = HashMap::new();
    let mut first_row = 0;
    for part in old_parts.iter().skip(1) {
        old_ranges.insert((first_row, part.rows), part);
        first_row += part.rows;
    }

    // Each new part is written as soon as it is encoded, so that only one part's text is held
    // at a time (at 50,000 tasks the whole text is about 4 MB). Its key is of the new revision,
    // which no manifest names yet: until the manifest is written the previous revision is whole.
    let mut parts = Vec::new();
    let mut written = 0;
    let mut new_keys = Vec::new();
    let mut place = |store: &mut _, parts: &mut Vec<StoredPart>, text: String, number, rows| {
        let described = StoredPart::describe(&text, revision, number, rows);
        let key = (described.hash.as_str(), described.length, rows);
        if let Some(old) = by_content.get(&key) {
            parts.push((*old).clone());
            return Ok(());
        }
        let key = part_key(project.id, described.revision, described.number);
        set_or_undo(store, &key, &text, &new_keys)?;
        written += text.len();
        new_keys.push(key);
        parts.push(described);
        Ok(())
    };
    place(
        store,
        &mut parts,
        write_compact_shell(project, roster),
        0,
        0,
    )?;
    let mut encoder: Option<Arc<RowEncoder>> = same_rows.and(previous.encoder);
    let ranges = part_ranges(project, previous.project, old_parts, rows_per_chunk);
    for (index, range) in ranges.into_iter().enumerate() {
        let start = range.start;
        let tasks = &project.tasks()[range];
        let unchanged = same_rows.and_then(|old| {
            let part = old_ranges.get(&(start, tasks.len()))?;
            let before = old.tasks().get(start..start + tasks.len())?;
            same_values(before, tasks).then_some(*part)
        });
        if let Some(part) = unchanged {
            parts.push(part.clone());
            continue;
        }
        let encoder = encoder.get_or_insert_with(|| Arc::new(RowEncoder::new(project)));
        let mut text = String::with_capacity(tasks.len() * 90);
        encoder.write_rows(&mut text, start, tasks);
        place(store, &mut parts, text, index as u32 + 1, tasks.len())?;
    }
    let manifest = write_manifest(&StoredManifest {
        revision,
        format: crate::model::io::FormatTag::Ironplan,
        version: CURRENT_VERSION,
        kind: ManifestKind::ChunkedProject,
        tasks: project.tasks().len(),
        parts: parts.clone(),
        after: previous
            .manifest
            .as_ref()
            .map(StoredManifest::lineage)
            .unwrap_or_default(),
    });
    set_or_undo(store, &project_key(project.id), &manifest, &new_keys)?;
    written += manifest.len();
    let named: HashSet<String> = parts
        .iter()
        .map(|part| part_key(project.id, part.revision, part.number))
        .collect();
    remove_unnamed_parts(store, project.id, revision, &named, &HashSet::new());
    Ok((written, encoder))
}

/// The rows of each part of `project`: where the previous save of it (`previous`, written in
/// `old_parts`) began a part, a part begins again, so that a task inserted, moved or removed
/// changes the part it is in and leaves the others' text as it was (a part's rows refer to
/// rows before them only by distance, and mostly to rows close by). Without a previous save,
/// parts of `rows_per_chunk` rows. A part that grows past half as much again is cut.
///
/// At 50,000 tasks this is what lets such a change be saved at all: a save writes its new
/// parts before it removes the old ones, and the browser's quota holds the plan about once
/// and a third, not twice.
fn part_ranges(
    project: &Project,
    previous: Option<&Project>,
    old_parts: &[StoredPart],
    rows_per_chunk: usize,
) -> Vec<std::ops::Range<usize>> {
    let tasks = project.tasks();
    let old_starts: IdSet<TaskId> = match previous {
        Some(old)
            if old_parts
                .iter()
                .skip(1)
                .map(|part| part.rows)
                .sum::<usize>()
                == old.tasks().len() =>
        {
            let mut first = 0;
            let mut starts = IdSet::default();
            for part in old_parts.iter().skip(1) {
                if let Some(task) = old.tasks().get(first) {
                    starts.insert(task.id);
                }
                first += part.rows;
            }
            starts
        }
        _ => IdSet::default(),
    };
    let most = if old_starts.is_empty() {
        rows_per_chunk
    } else {
        rows_per_chunk + rows_per_chunk / 2
    };
    let mut ranges = Vec::with_capacity(tasks.len() / rows_per_chunk + 1);
    let mut start = 0;
    for (index, task) in tasks.iter().enumerate().skip(1) {
        if index - start >= most || old_starts.contains(&task.id) {
            ranges.push(start..index);
            start = index;
        }
    }
    if start < tasks.len() {
        ranges.push(start..tasks.len());
    }
    ranges
}

/// Removes the parts of `project` that no manifest names: the previous revision's, and what a
/// crashed save left. Parts of later revisions are another tab's save in progress and stay, as
/// do protected keys. A failure here loses nothing; the next save tries again.
pub fn remove_unnamed_parts(
    store: &mut (impl KeyValue + ?Sized),
    project: ProjectId,
    up_to_revision: u64,
    named: &HashSet<String>,
    protected: &HashSet<String>,
) {
    let Ok(keys) = store.keys() else {
        return;
    };
    for key in keys {
        let Some((owner, revision)) = parse_part_key(&key) else {
            continue;
        };
        if owner == project
            && revision <= up_to_revision
            && !named.contains(&key)
            && !protected.contains(&key)
        {
            let _ = store.remove(&key);
        }
    }
}

/// Sets `key`; when that fails (storage full, or the tab going away), removes the parts this
/// save wrote, `written`, so that the store holds the previous revision alone.
fn set_or_undo(
    store: &mut (impl KeyValue + ?Sized),
    key: &str,
    text: &str,
    written: &[String],
) -> Result<(), StorageFault> {
    store.set(key, text).inspect_err(|_| {
        for key in written {
            let _ = store.remove(key);
        }
    })
}

/// True when rows of `new` encode exactly as the same rows of `old` would: same start, columns,
/// team and task order (rows refer to each other, to columns and to people by position).
fn same_row_context(old: &Project, new: &Project) -> bool {
    old.start == new.start
        && created_base(old) == created_base(new)
        && old.team() == new.team()
        && old.columns().len() == new.columns().len()
        && old
            .columns()
            .iter()
            .zip(new.columns())
            .all(|(before, after)| before.id == after.id)
        && old.tasks().len() == new.tasks().len()
        && old
            .tasks()
            .iter()
            .zip(new.tasks())
            .all(|(before, after)| Arc::ptr_eq(before, after) || before.id == after.id)
}

/// True when every task is the very same value as before (edits replace a task's `Arc`).
fn same_values(before: &[Arc<Task>], after: &[Arc<Task>]) -> bool {
    before.len() == after.len()
        && before
            .iter()
            .zip(after)
            .all(|(before, after)| Arc::ptr_eq(before, after))
}
