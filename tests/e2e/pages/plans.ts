/** Generated plan files for specs that import a plan bigger than a journey would type in. */

/** The one column of a generated plan. */
export const TODO_COLUMN = "c0000000-0000-4000-8000-000000000001";

/** The id of generated task `number` (from 1). */
export function generatedTaskId(number: number): string {
  return `70000000-0000-4000-8000-${number.toString(16).padStart(12, "0")}`;
}

/** A generated task in the To do column, on the first week of 2027, with `extra` fields. */
export function generatedTask(number: number, title: string, extra: Record<string, unknown> = {}) {
  return {
    id: generatedTaskId(number),
    title,
    column: TODO_COLUMN,
    start: "2027-01-04",
    end: "2027-01-08",
    created: "2027-01-01",
    ...extra,
  };
}

/** A valid version-2 plan file: one project named `name` with one To do column and `tasks`. */
export function planFile(name: string, projectNumber: number, tasks: unknown[]) {
  return {
    format: "ironplan",
    version: 2,
    kind: "project",
    project: {
      id: `80000000-0000-4000-8000-${projectNumber.toString(16).padStart(12, "0")}`,
      name,
      start: "2027-01-04",
      budget: { amount: 0, currency: "EUR" },
      columns: [{ id: TODO_COLUMN, name: "To do", category: "todo" }],
      tasks,
    },
    people: [],
  };
}
