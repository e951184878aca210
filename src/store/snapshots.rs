//! Snapshots: the last versions of each project that were exported or imported, kept so a
//! copy that comes back can be merged against what both copies started from.
//!
//! One key per project, `ironplan:snapshots:<uuid>`, holds the version this copy was last
//! imported or merged from (`base`, stamped on the next export) and up to [`KEEP`] versions,
//! oldest first, each as a content hash and the project in the compact storage encoding. The
//! key counts in the storage meter like every other. When storage is full the oldest versions
//! are dropped until the newest fits; losing one only loses the ability to merge three-way
//! against it, and the caller says so.

use super::persist::{project_key, KeyValue, StorageFault};
use crate::model::io::{project_file, read_plan, write_compact_project, Plan, ProjectFile};
use crate::model::{Person, Project, ProjectId};
use serde::{Deserialize, Serialize};

/// Prefix of snapshot keys.
pub const SNAPSHOT_PREFIX: &str = "ironplan:snapshots:";
/// The most versions kept per project.
pub const KEEP: usize = 5;

/// The snapshots of one project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshots {
    /// The version this copy was last imported or merged from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Kept versions, oldest first.
    #[serde(default)]
    pub versions: Vec<Snapshot>,
}

/// One kept version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The content hash that names it.
    pub version: String,
    /// The project (and its team's people) in the compact storage encoding.
    pub plan: String,
}

impl Snapshots {
    /// The kept version named `version`, read back as a plan file.
    pub fn find(&self, version: &str) -> Option<ProjectFile> {
        let snapshot = self
            .versions
            .iter()
            .find(|snapshot| snapshot.version == version)?;
        match read_plan(&snapshot.plan).ok()? {
            Plan::Project(imported) => Some(project_file(&imported.project, &imported.people)),
            Plan::Workspace(_) => None,
        }
    }

    /// True when version `version` is kept.
    pub fn holds(&self, version: &str) -> bool {
        self.versions
            .iter()
            .any(|snapshot| snapshot.version == version)
    }
}

/// The key of project `id`'s snapshots.
pub fn snapshot_key(id: ProjectId) -> String {
    format!("{SNAPSHOT_PREFIX}{id}")
}

/// The snapshots of project `id`; none when there are none or they cannot be read.
pub fn read_snapshots(store: &(impl KeyValue + ?Sized), id: ProjectId) -> Snapshots {
    store
        .get(&snapshot_key(id))
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// What recording a snapshot did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Older versions dropped because storage was full.
    pub dropped_for_room: usize,
}

/// Keeps `project` as version `version` (the newest), and sets the base when `base` is given.
/// Keeps the last [`KEEP`] versions, fewer when storage is full.
pub fn record(
    store: &mut (impl KeyValue + ?Sized),
    project: &Project,
    people: &[Person],
    version: &str,
    base: Option<String>,
) -> Result<Recorded, StorageFault> {
    let mut snapshots = read_snapshots(store, project.id);
    if base.is_some() {
        snapshots.base = base;
    }
    snapshots
        .versions
        .retain(|snapshot| snapshot.version != version);
    snapshots.versions.push(Snapshot {
        version: version.to_string(),
        plan: write_compact_project(project, people, 0),
    });
    let extra = snapshots.versions.len().saturating_sub(KEEP);
    snapshots.versions.drain(..extra);
    write(store, project.id, snapshots)
}

/// Sets the version this copy descends from, keeping the versions.
pub fn set_base(
    store: &mut (impl KeyValue + ?Sized),
    id: ProjectId,
    base: &str,
) -> Result<Recorded, StorageFault> {
    let mut snapshots = read_snapshots(store, id);
    snapshots.base = Some(base.to_string());
    write(store, id, snapshots)
}

/// Stores `snapshots` as project `id`'s, the one way snapshots are written: when storage is
/// full the oldest versions are dropped, and counted, until the newest fits.
pub fn write(
    store: &mut (impl KeyValue + ?Sized),
    id: ProjectId,
    mut snapshots: Snapshots,
) -> Result<Recorded, StorageFault> {
    let key = snapshot_key(id);
    let mut recorded = Recorded::default();
    loop {
        let text = serde_json::to_string(&snapshots).expect("snapshots always serialize");
        match store.set(&key, &text) {
            Ok(()) => return Ok(recorded),
            Err(StorageFault::QuotaExceeded) if snapshots.versions.len() > 1 => {
                snapshots.versions.remove(0);
                recorded.dropped_for_room += 1;
            }
            Err(fault) => return Err(fault),
        }
    }
}

/// Removes project `id`'s snapshots from storage and hands them back (none when there were
/// none), so that undoing the project's deletion can put them back with [`write`].
pub fn take(
    store: &mut (impl KeyValue + ?Sized),
    id: ProjectId,
) -> Result<Option<Snapshots>, StorageFault> {
    let key = snapshot_key(id);
    if store.get(&key)?.is_none() {
        return Ok(None);
    }
    let snapshots = read_snapshots(store, id);
    store.remove(&key)?;
    Ok(Some(snapshots))
}

/// Removes the snapshots whose project is no longer stored (left by builds that kept them
/// after a delete); returns how many. Keys that do not name a project are left alone.
pub fn sweep_orphans(store: &mut (impl KeyValue + ?Sized)) -> Result<usize, StorageFault> {
    let orphans: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|key| {
            key.strip_prefix(SNAPSHOT_PREFIX)
                .and_then(|id| id.parse::<ProjectId>().ok())
                .is_some_and(|id| !matches!(store.get(&project_key(id)), Ok(Some(_))))
        })
        .collect();
    for key in &orphans {
        store.remove(key)?;
    }
    Ok(orphans.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::content_hash;
    use crate::model::testing::Plan as TestPlan;
    use crate::store::persist::MemoryStore;

    fn plan_with(tasks: usize) -> TestPlan {
        let mut plan = TestPlan::new("2026-03-02");
        for number in 0..tasks {
            plan.task(
                &format!("Task {number}"),
                "2026-03-02",
                "2026-03-03",
                8,
                None,
            );
        }
        plan
    }

    /// Keeps the plan as it is now, under its content hash; returns the hash.
    fn keep(store: &mut MemoryStore, plan: &TestPlan, base: Option<String>) -> String {
        let version = content_hash(plan.project());
        record(
            store,
            plan.project(),
            plan.workspace.people(),
            &version,
            base,
        )
        .expect("room enough");
        version
    }

    #[test]
    fn the_last_five_versions_are_kept_and_read_back() {
        let mut store = MemoryStore::default();
        let mut plan = plan_with(1);
        let mut versions = Vec::new();
        for number in 0..7 {
            plan.task(
                &format!("More {number}"),
                "2026-03-02",
                "2026-03-03",
                8,
                None,
            );
            versions.push(keep(&mut store, &plan, None));
        }
        let snapshots = read_snapshots(&store, plan.project);
        assert_eq!(snapshots.versions.len(), KEEP);
        assert!(!snapshots.holds(&versions[1]));
        let newest = snapshots.find(&versions[6]).expect("kept");
        assert_eq!(&newest.project, plan.project());
    }

    #[test]
    fn when_storage_is_full_older_versions_are_dropped_and_counted() {
        let mut store = MemoryStore::default();
        let mut plan = plan_with(20);
        for number in 0..3 {
            plan.task(
                &format!("More {number}"),
                "2026-03-02",
                "2026-03-03",
                8,
                None,
            );
            keep(&mut store, &plan, None);
        }
        let used: usize = store.entries.iter().map(|(k, v)| k.len() + v.len()).sum();
        store.quota = Some(used + 100);
        plan.task("One more", "2026-03-02", "2026-03-03", 8, None);
        let version = content_hash(plan.project());
        let recorded = record(
            &mut store,
            plan.project(),
            plan.workspace.people(),
            &version,
            None,
        )
        .expect("fits after dropping");
        assert!(recorded.dropped_for_room >= 1);
        assert!(read_snapshots(&store, plan.project).holds(&version));
    }

    #[test]
    fn a_sweep_removes_the_snapshots_of_projects_no_longer_stored_and_keeps_the_others() {
        let mut store = MemoryStore::default();
        let plan = plan_with(1);
        let version = keep(&mut store, &plan, None);
        let orphan = ProjectId(uuid::Uuid::from_u128(0xdead));
        store
            .set(&snapshot_key(orphan), "{\"versions\":[]}")
            .expect("room enough");
        store
            .set(&project_key(plan.project), "stored")
            .expect("room enough");
        store
            .set("ironplan:snapshots:not-an-id", "left alone")
            .expect("room enough");

        assert_eq!(sweep_orphans(&mut store), Ok(1));
        assert!(!store.entries.contains_key(&snapshot_key(orphan)));
        assert!(read_snapshots(&store, plan.project).holds(&version));
        assert!(store.entries.contains_key("ironplan:snapshots:not-an-id"));
    }

    #[test]
    fn taken_snapshots_leave_storage_and_come_back_whole_when_written() {
        let mut store = MemoryStore::default();
        let plan = plan_with(2);
        let version = content_hash(plan.project());
        keep(&mut store, &plan, Some(version));
        let before = read_snapshots(&store, plan.project);

        let taken = take(&mut store, plan.project).expect("storage works");
        assert_eq!(taken.as_ref(), Some(&before));
        assert!(store.entries.is_empty());
        assert_eq!(take(&mut store, plan.project), Ok(None));

        write(&mut store, plan.project, taken.expect("there were some")).expect("room enough");
        assert_eq!(read_snapshots(&store, plan.project), before);
    }
}
