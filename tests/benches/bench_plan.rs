//! The benchmark's plan (`tests/e2e/bench/plan.ts`) ported to Rust, value for value: the
//! same seeded generator, the same phases, titles, people, links and dates, as the version 2
//! plan file the benchmark imports. Host tests and `cargo bench --bench storage` measure the
//! stored size of exactly what the browser benchmark stores.
//!
//! Included by path (it uses only `serde_json`), so unit tests and benches share one copy.

use serde_json::{json, Value};

/// mulberry32, as `random(seed)` in plan.ts.
struct Random(u32);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut value = self.0;
        value = (value ^ (value >> 15)).wrapping_mul(value | 1);
        value ^= value.wrapping_add((value ^ (value >> 7)).wrapping_mul(value | 61));
        f64::from(value ^ (value >> 14)) / 4_294_967_296.0
    }

    fn index(&mut self, len: usize) -> usize {
        (self.next() * len as f64).floor() as usize
    }

    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.index(list.len())]
    }
}

const VERBS: [&str; 20] = [
    "Design",
    "Build",
    "Review",
    "Test",
    "Migrate",
    "Document",
    "Configure",
    "Deploy",
    "Refactor",
    "Estimate",
    "Specify",
    "Validate",
    "Integrate",
    "Automate",
    "Audit",
    "Prototype",
    "Benchmark",
    "Harden",
    "Monitor",
    "Archive",
];
const OBJECTS: [&str; 26] = [
    "login page",
    "customer table",
    "billing service",
    "search index",
    "API gateway",
    "audit log",
    "report export",
    "password reset",
    "mobile layout",
    "payment flow",
    "data warehouse load",
    "single sign-on",
    "email templates",
    "backup job",
    "access roles",
    "release pipeline",
    "invoice archive",
    "order history",
    "notification service",
    "user onboarding",
    "CRM import",
    "load balancer",
    "cache layer",
    "error dashboard",
    "GDPR consent",
    "support workflow",
];
const AREAS: [&str; 12] = [
    "Discovery",
    "Architecture",
    "Data migration",
    "Integration",
    "Front end",
    "Back end",
    "Security",
    "Performance",
    "Rollout",
    "Training",
    "Compliance",
    "Reporting",
];
const FIRST_NAMES: [&str; 20] = [
    "Priya", "Jonas", "Amara", "Lukas", "Mei", "Diego", "Fatima", "Olivier", "Sanna", "Kwame",
    "Elena", "Tomasz", "Aiko", "Rafael", "Ingrid", "Nikhil", "Chloé", "Omar", "Hanna", "Mateo",
];
const LAST_NAMES: [&str; 20] = [
    "Natarajan",
    "Weber",
    "Okafor",
    "Schmidt",
    "Chen",
    "García",
    "Haddad",
    "Martin",
    "Virtanen",
    "Mensah",
    "Rossi",
    "Nowak",
    "Tanaka",
    "Silva",
    "Larsen",
    "Rao",
    "Dubois",
    "Farouk",
    "Berg",
    "López",
];
const ROLES: [&str; 6] = [
    "Developer",
    "Tester",
    "Business analyst",
    "Architect",
    "Designer",
    "Ops engineer",
];
const TAGS: [&str; 8] = [
    "backend",
    "frontend",
    "data",
    "security",
    "ux",
    "infra",
    "docs",
    "quick-win",
];

const SPAN_DAYS: f64 = 730.0;
const HUB_SUCCESSORS: usize = 50;

fn uuid(prefix: &str, number: usize) -> String {
    format!("{prefix}-0000-4000-8000-{number:012x}")
}

fn iso_day(day: i64) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 9, 7).expect("a valid date");
    (start + chrono::TimeDelta::days(day))
        .format("%Y-%m-%d")
        .to_string()
}

fn working_day(day: i64) -> i64 {
    let mut result = day;
    while matches!(result.rem_euclid(7), 5 | 6) {
        result += 1;
    }
    result
}

fn add_working_days(day: i64, days: usize) -> i64 {
    (0..days).fold(day, |result, _| working_day(result + 1))
}

/// The benchmark's plan file of exactly `count` tasks, as plan.ts generates it on the day
/// `today` days after the plan's start (2026-09-07).
pub fn bench_plan(count: usize, today: i64) -> Value {
    let mut random = Random(0x1bad_b002 ^ count as u32);
    let people: Vec<Value> = (0..20)
        .map(|index| {
            json!({
                "id": uuid("a1000000", index + 1),
                "name": format!("{} {}", FIRST_NAMES[index], LAST_NAMES[(index * 7) % 20]),
                "role": ROLES[index % ROLES.len()],
                "hourly_rate": 6000 + 500 * (index % 9),
                "weekly_capacity": 40,
            })
        })
        .collect();
    let person_ids: Vec<String> = (0..20).map(|index| uuid("a1000000", index + 1)).collect();
    let columns: Vec<String> = (1..=4).map(|number| uuid("c1000000", number)).collect();
    let mut tasks: Vec<Value> = Vec::with_capacity(count);
    let mut leaves: Vec<(usize, i64, i64)> = Vec::new();
    let hub_index = count / 2;
    let mut hub: Option<(String, i64)> = None;
    let (mut hub_waiting, mut linked, mut phase) = (0, 0usize, 0);
    while tasks.len() < count {
        phase += 1;
        let subtasks = (10 + random.index(31)).min(count - tasks.len() - 1);
        let phase_index = tasks.len();
        let phase_day = working_day((phase_index as f64 / count as f64 * SPAN_DAYS).floor() as i64);
        let phase_id = uuid("71000000", phase_index + 1);
        tasks.push(json!({
            "id": phase_id,
            "title": format!("Phase {phase}: {}", random.pick(&AREAS)),
            "column": columns[0],
            "start": iso_day(phase_day),
            "end": iso_day(phase_day),
            "created": iso_day(-14),
        }));
        if subtasks == 0 {
            break;
        }
        let mut phase_end = phase_day;
        for sub in 0..subtasks {
            let index = tasks.len();
            let milestone = sub == subtasks - 1 && random.next() < 0.5;
            let start = working_day(phase_day + random.index(20) as i64);
            let end = if milestone {
                start
            } else {
                add_working_days(start, random.index(8))
            };
            let assignee = (random.next() < 0.9).then(|| random.pick(&person_ids).clone());
            let done = end < today;
            let started = !done && start <= today;
            let column = if done {
                &columns[3]
            } else if started {
                random.pick(&columns[1..3])
            } else {
                &columns[0]
            };
            let mut draft = json!({
                "id": uuid("71000000", index + 1),
                "title": format!("{} {}", random.pick(&VERBS), random.pick(&OBJECTS)),
                "column": column,
                "start": iso_day(start),
                "end": iso_day(end),
                "created": iso_day(-14),
                "parent": phase_id,
            });
            if let (Some(assignee), false) = (assignee, milestone) {
                draft["assignee"] = json!(assignee);
            }
            if random.next() < 0.3 {
                draft["priority"] = json!(random.pick(&["low", "high", "urgent"]));
            }
            if random.next() < 0.4 {
                draft["tags"] = json!([random.pick(&TAGS)]);
            }
            if !milestone {
                draft["estimate"] = json!(4 * (1 + random.index(10)));
            } else {
                draft["milestone"] = json!(true);
            }
            if done {
                draft["progress"] = json!(100);
                draft["completed"] = json!(iso_day(end));
            } else if started {
                draft["progress"] = json!(10 * random.index(9));
            }
            let mut waits = false;
            if index == hub_index || (hub.is_none() && index > hub_index) {
                draft["title"] = json!("Approve the architecture");
                hub = Some((uuid("71000000", index + 1), end));
            } else if let Some((hub_id, hub_end)) =
                hub.as_ref().filter(|_| hub_waiting < HUB_SUCCESSORS)
            {
                if start > *hub_end {
                    draft["dependencies"] =
                        json!([{ "predecessor": hub_id, "kind": "finish_to_start" }]);
                    hub_waiting += 1;
                    waits = true;
                } else {
                    waits = link_recent(&mut random, &mut draft, &leaves, start, linked, index);
                }
            } else {
                waits = link_recent(&mut random, &mut draft, &leaves, start, linked, index);
            }
            if waits {
                linked += 1;
            }
            tasks.push(draft);
            leaves.push((index, start, end));
            phase_end = phase_end.max(end);
        }
        tasks[phase_index]["end"] = json!(iso_day(phase_end));
    }
    json!({
        "format": "ironplan",
        "version": 2,
        "kind": "project",
        "project": {
            "id": uuid("8d3c1b2a", count),
            "name": format!("Benchmark plan, {} tasks", thousands(count)),
            "description": "Generated by tests/e2e/bench/plan.ts.",
            "start": "2026-09-07",
            "budget": { "amount": 250_000_000, "currency": "EUR" },
            "calendar": { "working_weekdays": ["mon", "tue", "wed", "thu", "fri"], "holidays": [] },
            "columns": [
                { "id": columns[0], "name": "To do", "category": "todo" },
                { "id": columns[1], "name": "In progress", "category": "in_progress" },
                { "id": columns[2], "name": "Review", "category": "in_progress" },
                { "id": columns[3], "name": "Done", "category": "done" },
            ],
            "team": person_ids,
            "tasks": tasks,
        },
        "people": people,
    })
}

/// `count` as `toLocaleString("en")` writes it: `50,000`.
fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut text = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// The last branch of plan.ts: a predecessor among the recent tasks that ends before this one
/// starts. True when the task got one.
fn link_recent(
    random: &mut Random,
    draft: &mut Value,
    leaves: &[(usize, i64, i64)],
    start: i64,
    linked: usize,
    index: usize,
) -> bool {
    if !(random.next() < 0.3 || (linked as f64) < 0.295 * index as f64) {
        return false;
    }
    let candidates: Vec<usize> = leaves[leaves.len().saturating_sub(200)..]
        .iter()
        .filter(|(_, _, end)| *end < start)
        .map(|(leaf, _, _)| *leaf)
        .collect();
    if candidates.is_empty() {
        return false;
    }
    let predecessor = *random.pick(&candidates);
    draft["dependencies"] = json!([{
        "predecessor": uuid("71000000", predecessor + 1),
        "kind": "finish_to_start",
    }]);
    true
}
