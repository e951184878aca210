/**
 * Deterministic plans for the performance benchmark: `count` tasks in phases (a summary task
 * each, with 10 to 40 subtasks), realistic titles, 20 people on the team, 4 board columns,
 * about 30 % of the tasks waiting for another one, and one "hub" task that 50 tasks wait for
 * (the bar the benchmark drags). The same count always gives the same file, byte for byte.
 */

/** A small seeded random number generator (mulberry32), so every run measures the same plan. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = [
  "Design", "Build", "Review", "Test", "Migrate", "Document", "Configure", "Deploy", "Refactor",
  "Estimate", "Specify", "Validate", "Integrate", "Automate", "Audit", "Prototype", "Benchmark",
  "Harden", "Monitor", "Archive",
];
const OBJECTS = [
  "login page", "customer table", "billing service", "search index", "API gateway", "audit log",
  "report export", "password reset", "mobile layout", "payment flow", "data warehouse load",
  "single sign-on", "email templates", "backup job", "access roles", "release pipeline",
  "invoice archive", "order history", "notification service", "user onboarding", "CRM import",
  "load balancer", "cache layer", "error dashboard", "GDPR consent", "support workflow",
];
const AREAS = [
  "Discovery", "Architecture", "Data migration", "Integration", "Front end", "Back end",
  "Security", "Performance", "Rollout", "Training", "Compliance", "Reporting",
];
const FIRST_NAMES = [
  "Priya", "Jonas", "Amara", "Lukas", "Mei", "Diego", "Fatima", "Olivier", "Sanna", "Kwame",
  "Elena", "Tomasz", "Aiko", "Rafael", "Ingrid", "Nikhil", "Chloé", "Omar", "Hanna", "Mateo",
];
const LAST_NAMES = [
  "Natarajan", "Weber", "Okafor", "Schmidt", "Chen", "García", "Haddad", "Martin", "Virtanen",
  "Mensah", "Rossi", "Nowak", "Tanaka", "Silva", "Larsen", "Rao", "Dubois", "Farouk", "Berg",
  "López",
];
const ROLES = ["Developer", "Tester", "Business analyst", "Architect", "Designer", "Ops engineer"];
const TAGS = ["backend", "frontend", "data", "security", "ux", "infra", "docs", "quick-win"];

/** The benchmark plan's start: a Monday. */
export const PLAN_START = "2026-09-07";
/** Days the plan's work is spread over, whatever the task count. */
const SPAN_DAYS = 730;
/** How many tasks wait for the hub task. */
export const HUB_SUCCESSORS = 50;

const uuid = (prefix: string, n: number) =>
  `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const taskId = (n: number) => uuid("71000000", n);
const personId = (n: number) => uuid("a1000000", n);
const columnId = (n: number) => uuid("c1000000", n);

const DAY_MS = 86_400_000;
const startMs = Date.parse(`${PLAN_START}T00:00:00Z`);
const isoDay = (day: number) => new Date(startMs + day * DAY_MS).toISOString().slice(0, 10);
/** The working day (Monday to Friday) on or after `day`. */
const workingDay = (day: number) => {
  let result = day;
  while ([5, 6].includes(((result % 7) + 7) % 7)) result += 1;
  return result;
};
/** The day `days` working days after working day `day` (0 is `day` itself). */
const addWorkingDays = (day: number, days: number) => {
  let result = day;
  for (let left = days; left > 0; left -= 1) result = workingDay(result + 1);
  return result;
};

export type GeneratedPlan = {
  /** The plan file, as Export writes it. */
  file: unknown;
  projectId: string;
  projectName: string;
  taskCount: number;
  /** The task 50 others wait for, and its row on the Timeline (every phase expanded). */
  hub: { id: string; title: string; row: number };
  /** Tasks that have at least one dependency. */
  linked: number;
};

type Draft = {
  id: string;
  title: string;
  column: string;
  assignee?: string;
  priority?: string;
  tags?: string[];
  start: string;
  end: string;
  estimate?: number;
  progress?: number;
  milestone?: boolean;
  parent?: string;
  dependencies?: { predecessor: string; kind: string; lag?: number }[];
  created: string;
  completed?: string;
};

/** A plan of exactly `count` tasks (phases included). */
export function generatePlan(count: number): GeneratedPlan {
  const next = random(0x1badb002 ^ count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const today = Math.floor((Date.now() - startMs) / DAY_MS);

  const people = Array.from({ length: 20 }, (_, index) => ({
    id: personId(index + 1),
    name: `${FIRST_NAMES[index]} ${LAST_NAMES[(index * 7) % LAST_NAMES.length]}`,
    role: ROLES[index % ROLES.length],
    hourly_rate: 6000 + 500 * (index % 9),
    weekly_capacity: 40,
  }));
  const columns = [
    { id: columnId(1), name: "To do", category: "todo" },
    { id: columnId(2), name: "In progress", category: "in_progress" },
    { id: columnId(3), name: "Review", category: "in_progress" },
    { id: columnId(4), name: "Done", category: "done" },
  ];

  const tasks: Draft[] = [];
  // Non-summary tasks so far, with their working-day dates, for picking predecessors.
  const leaves: { index: number; start: number; end: number }[] = [];
  const hubIndex = Math.floor(count / 2);
  let hub: { id: string; title: string; row: number; end: number } | null = null;
  let hubWaiting = 0;
  let linked = 0;
  let phase = 0;
  while (tasks.length < count) {
    phase += 1;
    const subtasks = Math.min(10 + Math.floor(next() * 31), count - tasks.length - 1);
    const phaseIndex = tasks.length;
    const phaseDay = workingDay(Math.floor((phaseIndex / count) * SPAN_DAYS));
    const phaseTask: Draft = {
      id: taskId(phaseIndex + 1),
      title: `Phase ${phase}: ${pick(AREAS)}`,
      column: columns[0].id,
      start: isoDay(phaseDay),
      end: isoDay(phaseDay),
      created: isoDay(-14),
    };
    tasks.push(phaseTask);
    if (subtasks <= 0) break;
    let phaseEnd = phaseDay;
    for (let sub = 0; sub < subtasks; sub += 1) {
      const index = tasks.length;
      const milestone = sub === subtasks - 1 && next() < 0.5;
      const start = workingDay(phaseDay + Math.floor(next() * 20));
      const end = milestone ? start : addWorkingDays(start, Math.floor(next() * 8));
      const assignee = next() < 0.9 ? pick(people).id : undefined;
      const done = end < today;
      const started = !done && start <= today;
      const column = done ? columns[3].id : started ? pick([columns[1].id, columns[2].id]) : columns[0].id;
      const draft: Draft = {
        id: taskId(index + 1),
        title: `${pick(VERBS)} ${pick(OBJECTS)}`,
        column,
        start: isoDay(start),
        end: isoDay(end),
        created: isoDay(-14),
        parent: phaseTask.id,
      };
      if (assignee && !milestone) draft.assignee = assignee;
      if (next() < 0.3) draft.priority = pick(["low", "high", "urgent"]);
      if (next() < 0.4) draft.tags = [pick(TAGS)];
      if (!milestone) draft.estimate = 4 * (1 + Math.floor(next() * 10));
      if (milestone) draft.milestone = true;
      if (done) {
        draft.progress = 100;
        draft.completed = isoDay(end);
      } else if (started) {
        draft.progress = 10 * Math.floor(next() * 9);
      }
      if (index === hubIndex || (hub === null && index > hubIndex)) {
        draft.title = "Approve the architecture";
        hub = { id: draft.id, title: draft.title, row: index, end };
      } else if (hub !== null && hubWaiting < HUB_SUCCESSORS && start > hub.end) {
        draft.dependencies = [{ predecessor: hub.id, kind: "finish_to_start" }];
        hubWaiting += 1;
      } else if (next() < 0.3 || linked < 0.295 * index) {
        // A predecessor among the recent tasks that ends before this one starts.
        const candidates = leaves.slice(-200).filter((leaf) => leaf.end < start);
        if (candidates.length > 0) {
          const predecessor = pick(candidates);
          draft.dependencies = [{ predecessor: taskId(predecessor.index + 1), kind: "finish_to_start" }];
        }
      }
      if (draft.dependencies) linked += 1;
      tasks.push(draft);
      leaves.push({ index, start, end });
      phaseEnd = Math.max(phaseEnd, end);
    }
    phaseTask.end = isoDay(phaseEnd);
  }
  if (hub === null) throw new Error("the plan is too small for a hub task");

  const projectId = uuid("8d3c1b2a", count);
  const projectName = `Benchmark plan, ${count.toLocaleString("en")} tasks`;
  const file = {
    format: "ironplan",
    version: 2,
    kind: "project",
    project: {
      id: projectId,
      name: projectName,
      description: "Generated by tests/e2e/bench/plan.ts.",
      start: PLAN_START,
      budget: { amount: 250_000_000, currency: "EUR" },
      calendar: { working_weekdays: ["mon", "tue", "wed", "thu", "fri"], holidays: [] },
      columns,
      team: people.map((person) => person.id),
      tasks,
    },
    people,
  };
  return {
    file,
    projectId,
    projectName,
    taskCount: tasks.length,
    hub: { id: hub.id, title: hub.title, row: hub.row },
    linked,
  };
}
