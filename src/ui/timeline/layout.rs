//! The Timeline's geometry as a pure function: from the plan, its schedule and the zoom to
//! positions in pixels.
//!
//! [`layout`] turns the rows of the task list ([`TimelineRows`]), the [`Schedule`] and a
//! [`Scale`] into a [`TimelineLayout`]: bars with their progress, summary brackets, milestone
//! diamonds, baseline bars, dependency arrows routed around the bars they join, shading for
//! non-working days, the today and deadline lines and the date header. [`Geometry`] maps dates
//! to x and back ([`Geometry::date_at`], [`Geometry::days_in`]) for dragging.
//!
//! Everything is windowed: [`window`] says which rows and days the scroll position shows (plus
//! a margin, snapped to blocks so that most scroll events change nothing), and `layout` only
//! places those. The components in this folder draw what is here and do no arithmetic of
//! their own. Left out: the clock (today is a parameter) and any text wording beyond date
//! labels, which come from `ui::format` (the browser's `Intl`; a pure fallback on the host).

use super::super::format::{self, CalendarLabel};
use super::super::tasks::rows::{task_rows, Sort};
use crate::model::calendar::shift;
use crate::model::health::misses_deadline;
use crate::model::schedule::IdMap;
use crate::model::{BaselineDates, Calendar, LinkKind, Project, Schedule, Task, TaskId};
use chrono::{Datelike, NaiveDate};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Height of one row of the list and the chart, in px.
pub const ROW_HEIGHT: f64 = 32.0;
/// Height of the date header above the chart (two tiers), in px.
pub const HEADER_HEIGHT: f64 = 48.0;
/// Width of the task list on the left, in px.
pub const LIST_WIDTH: f64 = 500.0;

/// Where a task bar sits in its row, in px from the row's top.
const BAR_TOP: f64 = 6.0;
const BAR_HEIGHT: f64 = 16.0;
/// The vertical middle of the bars, where arrows leave and arrive.
const BAR_MIDDLE: f64 = 14.0;
/// A summary bracket: its bar and how far its end caps hang below.
const SUMMARY_TOP: f64 = 8.0;
const SUMMARY_HEIGHT: f64 = 8.0;
const SUMMARY_CAP: f64 = 5.0;
/// Half the width (and height) of a milestone diamond.
const MILESTONE_HALF: f64 = 8.0;
/// The thin baseline bar under the current bar.
const BASELINE_TOP: f64 = 25.0;
const BASELINE_HEIGHT: f64 = 4.0;
/// Narrowest bar drawn, so that one day stays visible and grabbable at every zoom.
const MIN_BAR_WIDTH: f64 = 4.0;
/// Resize handles reach this far outside a bar's ends, and at most this far inside.
const HANDLE_OUTSIDE: f64 = 5.0;
const HANDLE_INSIDE: f64 = 6.0;
/// The connector circle, right of the bar.
const CONNECTOR_GAP: f64 = 12.0;
/// Where the title starts, right of the bar.
const LABEL_GAP: f64 = 22.0;
/// How far an arrow runs straight out of a bar before it turns, and its head's size.
const ARROW_STUB: f64 = 10.0;
const ARROW_HEAD_LENGTH: f64 = 6.0;
const ARROW_HEAD_HALF: f64 = 4.0;

/// Rows rendered beyond the visible ones, above and below.
const ROW_MARGIN: f64 = 8.0;
/// The first and last rendered rows are multiples of this, so small scrolls change nothing.
const ROW_BLOCK: usize = 4;
/// Pixels rendered beyond the visible ones, left and right, and the block they snap to.
const PX_MARGIN: f64 = 400.0;
const PX_BLOCK: f64 = 800.0;

/// Days shown before the earliest date and after the latest one.
const LEAD_DAYS: i64 = 7;
const TRAIL_DAYS: i64 = 35;
/// The shortest span drawn, so that a small plan still fills the chart at coarse zooms.
const MIN_SPAN_DAYS: i64 = 120;

/// A point in chart coordinates: x from the span's first day, y from the first row's top.
pub type Point = (f64, f64);

/// A zoom level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scale {
    /// A column per day.
    Day,
    /// Weeks, each labelled by its Monday.
    #[default]
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
}

impl Scale {
    /// Every zoom level, finest first.
    pub const ALL: [Scale; 4] = [Scale::Day, Scale::Week, Scale::Month, Scale::Quarter];

    /// The zoom button's name.
    pub fn label(self) -> &'static str {
        match self {
            Scale::Day => "Day",
            Scale::Week => "Week",
            Scale::Month => "Month",
            Scale::Quarter => "Quarter",
        }
    }

    /// Pixels per day.
    pub fn day_width(self) -> f64 {
        match self {
            Scale::Day => 36.0,
            Scale::Week => 16.0,
            Scale::Month => 5.0,
            Scale::Quarter => 2.0,
        }
    }

    /// True when weekends are shaded: at Quarter zoom they would only stripe the chart.
    fn shades_weekends(self) -> bool {
        self != Scale::Quarter
    }
}

/// The mapping between dates and x, in px from the chart's left edge.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Geometry {
    /// The day whose left edge is x = 0.
    pub origin: NaiveDate,
    /// Pixels per day.
    pub day_width: f64,
}

impl Geometry {
    /// The geometry of `span` at `scale`.
    pub fn new(span: Span, scale: Scale) -> Geometry {
        Geometry {
            origin: span.origin,
            day_width: scale.day_width(),
        }
    }

    /// The left edge of `date`.
    pub fn x_of(self, date: NaiveDate) -> f64 {
        (date - self.origin).num_days() as f64 * self.day_width
    }

    /// The day under `x` (the inverse of [`Geometry::x_of`]).
    pub fn date_at(self, x: f64) -> NaiveDate {
        shift(self.origin, (x / self.day_width).floor() as i64)
    }

    /// A horizontal distance as whole days, rounded to the nearest: how far a drag moves.
    pub fn days_in(self, distance: f64) -> i64 {
        (distance / self.day_width).round() as i64
    }
}

/// The dates the chart covers: `origin` (a Monday) up to, not including, `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub origin: NaiveDate,
    pub end: NaiveDate,
}

impl Span {
    /// The number of days covered.
    pub fn days(self) -> i64 {
        (self.end - self.origin).num_days().max(0)
    }
}

/// The dates the chart must cover: the project start, every task's scheduled dates, the current
/// baseline's dates, the deadline and today, with some room around them.
pub fn span(project: &Project, schedule: &Schedule, today: NaiveDate) -> Span {
    let mut first = project.start.min(today);
    let mut last = project.start.max(today);
    let mut include = |start: NaiveDate, end: NaiveDate| {
        first = first.min(start);
        last = last.max(end);
    };
    if let Some(deadline) = project.deadline {
        include(deadline, deadline);
    }
    for task in schedule.tasks() {
        include(task.start, task.finish);
    }
    for task in project.tasks() {
        include(task.start, task.end);
        if let Some(deadline) = task.deadline {
            include(deadline, deadline);
        }
    }
    if let Some(baseline) = project.baseline() {
        for task in &baseline.tasks {
            include(task.start, task.end);
        }
    }
    let lead = shift(first, -LEAD_DAYS);
    let origin = shift(lead, -i64::from(lead.weekday().num_days_from_monday()));
    let end = shift(last, TRAIL_DAYS).max(shift(origin, MIN_SPAN_DAYS));
    Span { origin, end }
}

/// What the chart part of the screen shows: its scroll offsets and size, in px. `scroll_top`
/// counts from the first row, `scroll_left` from the span's first day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub scroll_left: f64,
    pub scroll_top: f64,
    pub width: f64,
    pub height: f64,
}

impl Default for Viewport {
    /// A typical desktop chart, used until the real size is measured.
    fn default() -> Self {
        Viewport {
            scroll_left: 0.0,
            scroll_top: 0.0,
            width: 1200.0,
            height: 800.0,
        }
    }
}

/// The scroll offset that puts `date` a third of the way into a chart area `width` px wide.
pub fn scroll_left_to_show(geometry: Geometry, date: NaiveDate, width: f64) -> f64 {
    (geometry.x_of(date) - width / 3.0).max(0.0)
}

/// The vertical scroll offset that brings row `index` on screen with the least movement, or
/// `None` when it already is.
pub fn scroll_top_to_show_row(viewport: Viewport, index: usize) -> Option<f64> {
    let top = index as f64 * ROW_HEIGHT;
    let bottom = top + ROW_HEIGHT;
    if top < viewport.scroll_top {
        Some(top)
    } else if bottom > viewport.scroll_top + viewport.height {
        Some((bottom - viewport.height).max(0.0))
    } else {
        None
    }
}

/// The day in the middle of `viewport`, which a change of zoom keeps in place.
pub fn middle_date(geometry: Geometry, viewport: Viewport) -> NaiveDate {
    geometry.date_at(viewport.scroll_left + viewport.width / 2.0)
}

/// The scroll offset that puts `date` in the middle of a chart area `width` px wide.
pub fn scroll_left_to_centre(geometry: Geometry, date: NaiveDate, width: f64) -> f64 {
    (geometry.x_of(date) + geometry.day_width / 2.0 - width / 2.0).max(0.0)
}

/// Where the chart opens: at today when the work spans it, otherwise at the first task (a
/// couple of days before it), so that a plan in the future or the past is on screen at once.
pub fn opening_scroll_left(
    geometry: Geometry,
    schedule: &Schedule,
    today: NaiveDate,
    width: f64,
) -> f64 {
    let first = schedule.tasks().iter().map(|task| task.start).min();
    let last = schedule.tasks().iter().map(|task| task.finish).max();
    match (first, last) {
        (Some(first), Some(last)) if first <= today && today <= last => {
            scroll_left_to_show(geometry, today, width)
        }
        (Some(first), _) => (geometry.x_of(first) - 2.0 * geometry.day_width).max(0.0),
        _ => scroll_left_to_show(geometry, today, width),
    }
}

/// The rows and days to render: the visible ones and a margin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// Row numbers.
    pub rows: Range<usize>,
    /// Days counted from the span's origin.
    pub days: Range<i64>,
}

impl Window {
    /// Every row and day, for printing and export.
    pub fn everything(row_count: usize, span: Span) -> Window {
        Window {
            rows: 0..row_count,
            days: 0..span.days(),
        }
    }
}

/// The rows and days `viewport` shows, plus a margin on every side, snapped to blocks.
pub fn window(viewport: Viewport, row_count: usize, span: Span, scale: Scale) -> Window {
    let top_row = (viewport.scroll_top / ROW_HEIGHT - ROW_MARGIN)
        .floor()
        .max(0.0) as usize;
    let bottom_row = ((viewport.scroll_top + viewport.height.max(0.0)) / ROW_HEIGHT + ROW_MARGIN)
        .ceil()
        .max(0.0) as usize;
    let first_row = (top_row / ROW_BLOCK * ROW_BLOCK).min(row_count);
    let end_row = bottom_row
        .div_ceil(ROW_BLOCK)
        .saturating_mul(ROW_BLOCK)
        .min(row_count)
        .max(first_row);

    let day_width = scale.day_width();
    let left = ((viewport.scroll_left - PX_MARGIN) / PX_BLOCK)
        .floor()
        .max(0.0)
        * PX_BLOCK;
    let right =
        ((viewport.scroll_left + viewport.width.max(0.0) + PX_MARGIN) / PX_BLOCK).ceil() * PX_BLOCK;
    let days = span.days();
    let first_day = ((left / day_width).floor() as i64).clamp(0, days);
    let end_day = ((right / day_width).ceil() as i64).clamp(first_day, days);
    Window {
        rows: first_row..end_row,
        days: first_day..end_day,
    }
}

/// One row of the list and the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimelineRow {
    pub task: TaskId,
    /// 0 for top-level tasks.
    pub depth: u16,
    /// True for summary tasks.
    pub has_children: bool,
    /// False when the subtasks are collapsed.
    pub expanded: bool,
}

/// The rows of the Timeline and the lookups the layout needs, derived once per change of the
/// plan or of the collapsed parents (never per scroll).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineRows {
    /// The rows in display order: the hierarchy in plan order, without collapsed subtasks.
    pub rows: Vec<TimelineRow>,
    /// Row number of each shown task.
    row_of: IdMap<TaskId, usize>,
    /// Position of every task in `Project::tasks`.
    position: IdMap<TaskId, usize>,
    /// The tasks that depend on each task.
    successors: IdMap<TaskId, Vec<TaskId>>,
    /// The current baseline's dates of every task that was in it, summaries rolled up
    /// ([`Baseline::dates`](crate::model::Baseline::dates)).
    in_baseline: BaselineDates,
}

impl TimelineRows {
    /// The row number of task `id`, when it is shown.
    pub fn row_of(&self, id: TaskId) -> Option<usize> {
        self.row_of.get(&id).copied()
    }

    /// The task shown in row `index`.
    pub fn task_in_row(&self, index: usize) -> Option<TaskId> {
        self.rows.get(index).map(|row| row.task)
    }

    /// The task `id` of `project`, found without a scan.
    fn task<'a>(&self, project: &'a Project, id: TaskId) -> Option<&'a Task> {
        let task = project.tasks().get(*self.position.get(&id)?)?;
        (task.id == id).then_some(task.as_ref())
    }
}

/// The rows of `project` with the subtasks of `collapsed` parents left out.
pub fn timeline_rows(project: &Project, collapsed: &HashSet<TaskId>) -> TimelineRows {
    let shown = task_rows(project, &[], "", Sort::default(), collapsed);
    let rows: Vec<TimelineRow> = shown
        .rows
        .iter()
        .map(|row| TimelineRow {
            task: row.id,
            depth: row.depth,
            has_children: row.has_children,
            expanded: row.expanded,
        })
        .collect();
    let row_of = rows
        .iter()
        .enumerate()
        .map(|(index, row)| (row.task, index))
        .collect();
    let position = project
        .tasks()
        .iter()
        .enumerate()
        .map(|(index, task)| (task.id, index))
        .collect();
    let mut successors: IdMap<TaskId, Vec<TaskId>> = IdMap::default();
    for task in project.tasks() {
        for dependency in &task.dependencies {
            successors
                .entry(dependency.predecessor)
                .or_default()
                .push(task.id);
        }
    }
    let in_baseline = project
        .baseline()
        .map(|baseline| baseline.dates(project))
        .unwrap_or_default();
    TimelineRows {
        rows,
        row_of,
        position,
        successors,
        in_baseline,
    }
}

/// Dates shown instead of the schedule's while a bar is dragged: the dragged task and every
/// task the move would push, inclusive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub dates: HashMap<TaskId, (NaiveDate, NaiveDate)>,
}

/// What a bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BarKind {
    Task,
    Summary,
    Milestone,
}

/// The thin bar under a task showing its baseline dates.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineBar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// One row: what the list shows and where the chart draws the task.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    pub task: TaskId,
    /// The row number, from 0.
    pub index: usize,
    pub depth: u16,
    pub has_children: bool,
    pub expanded: bool,
    pub title: String,
    pub kind: BarKind,
    /// Scheduled (or previewed) dates, inclusive.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Percent complete (rolled up for summaries).
    pub progress: u8,
    /// Zero float (never set for summary tasks).
    pub critical: bool,
    /// Working days the finish slipped against the current baseline: positive when later.
    /// `None` without a baseline or for a task added after it.
    pub slip: Option<i64>,
    /// Total float in working days; `None` when the task does not lead to the finish.
    pub float: Option<i32>,
    /// The task's deadline marker, when it has a deadline.
    pub deadline: Option<DeadlineMark>,
    /// The constraint its links cannot meet, if any.
    pub conflict: Option<crate::model::schedule::Conflict>,
    /// The top of the row.
    pub y: f64,
    /// The bar: for a milestone, the diamond's bounding box.
    pub x: f64,
    pub bar_y: f64,
    pub width: f64,
    pub height: f64,
    /// The filled part, from `x`.
    pub progress_width: f64,
    /// The outline of a summary bracket or a milestone diamond; empty for plain bars.
    pub outline: Vec<Point>,
    /// The resize handles (x, width), for plain task bars only.
    pub handles: Option<[(f64, f64); 2]>,
    /// The centre of the connector to drag dependencies from.
    pub connector: Point,
    /// Where the title starts, and its baseline.
    pub label: Point,
    /// The baseline bar, when baselines are shown and the task was in it.
    pub baseline: Option<BaselineBar>,
}

/// A task's deadline on its row: the end of the deadline day.
#[derive(Clone, Debug, PartialEq)]
pub struct DeadlineMark {
    pub date: NaiveDate,
    /// The marker's centre.
    pub x: f64,
    pub y: f64,
    /// The task is not done and finishes after the deadline.
    pub missed: bool,
}

/// A dependency arrow from the predecessor's bar to the successor's.
#[derive(Clone, Debug, PartialEq)]
pub struct ArrowLayout {
    pub predecessor: TaskId,
    pub successor: TaskId,
    /// The tasks' titles, for the arrow's accessible name.
    pub predecessor_title: String,
    pub successor_title: String,
    pub kind: LinkKind,
    /// Working days; negative for a lead.
    pub lag: i32,
    /// Both ends are on the critical path.
    pub critical: bool,
    /// The line, with right-angle turns.
    pub points: Vec<Point>,
    /// The arrow head: its tip first.
    pub head: [Point; 3],
}

/// A run of non-working days.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub x: f64,
    pub width: f64,
    /// True for holidays on working weekdays, false for weekends.
    pub holiday: bool,
}

/// One label of the date header.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub label: String,
    /// Where the label's text starts, and its baseline.
    pub label_at: Point,
    /// True for the upper tier (months or years).
    pub major: bool,
}

/// Everything the chart draws, in px.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    pub scale: Scale,
    pub geometry: Geometry,
    /// The whole chart's size (every row, every day of the span).
    pub width: f64,
    pub height: f64,
    /// The rendered rows, in order.
    pub rows: Vec<RowLayout>,
    /// Arrows with at least one end in a rendered row.
    pub arrows: Vec<ArrowLayout>,
    /// Non-working days in the rendered days.
    pub bands: Vec<Band>,
    /// Date header labels for the rendered days.
    pub ticks: Vec<Tick>,
    /// Vertical lines where months (or years) begin, in the rendered days.
    pub gridlines: Vec<f64>,
    /// The middle of today.
    pub today: Option<f64>,
    /// The end of the deadline day.
    pub deadline: Option<f64>,
}

impl TimelineLayout {
    /// The rendered row of task `id`.
    pub fn row(&self, id: TaskId) -> Option<&RowLayout> {
        self.rows.iter().find(|row| row.task == id)
    }

    /// The rendered arrow from `predecessor` to `successor`.
    pub fn arrow(&self, successor: TaskId, predecessor: TaskId) -> Option<&ArrowLayout> {
        self.arrows
            .iter()
            .find(|arrow| arrow.successor == successor && arrow.predecessor == predecessor)
    }

    /// The row number under `y`, if any row is there.
    pub fn row_at(&self, y: f64) -> Option<usize> {
        if y < 0.0 || y >= self.height {
            return None;
        }
        Some((y / ROW_HEIGHT).floor() as usize)
    }
}

/// What [`layout`] works from.
pub struct LayoutInput<'a> {
    pub project: &'a Project,
    pub schedule: &'a Schedule,
    pub rows: &'a TimelineRows,
    pub span: Span,
    pub scale: Scale,
    pub window: Window,
    pub today: NaiveDate,
    /// Dates of a bar being dragged and of the tasks it pushes.
    pub preview: Option<&'a Preview>,
    /// Draw the current baseline's bars.
    pub show_baseline: bool,
}

/// Places the rows and days of `input.window`.
pub fn layout(input: &LayoutInput) -> TimelineLayout {
    let geometry = Geometry::new(input.span, input.scale);
    let row_count = input.rows.rows.len();
    let first_row = input.window.rows.start.min(row_count);
    let end_row = input.window.rows.end.clamp(first_row, row_count);
    let rows: Vec<RowLayout> = (first_row..end_row)
        .filter_map(|index| row_layout(input, geometry, index))
        .collect();
    let arrows = arrows(input, geometry, first_row..end_row);
    let days = input.window.days.start.max(0)..input.window.days.end.min(input.span.days());
    let (ticks, gridlines) = ticks(geometry, input.scale, input.span, days.clone());
    TimelineLayout {
        scale: input.scale,
        geometry,
        width: input.span.days() as f64 * geometry.day_width,
        height: row_count as f64 * ROW_HEIGHT,
        rows,
        arrows,
        bands: bands(&input.project.calendar, geometry, input.scale, days),
        ticks,
        gridlines,
        today: (input.today >= input.span.origin && input.today < input.span.end)
            .then(|| geometry.x_of(input.today) + geometry.day_width / 2.0),
        deadline: input
            .project
            .deadline
            .map(|deadline| geometry.x_of(deadline) + geometry.day_width),
    }
}

/// The dates to draw for task `id`: the preview's, else the schedule's, else the stored ones.
fn dates_of(input: &LayoutInput, task: &Task) -> (NaiveDate, NaiveDate) {
    if let Some(dates) = input
        .preview
        .and_then(|preview| preview.dates.get(&task.id))
    {
        return *dates;
    }
    match input.schedule.task(task.id) {
        Some(schedule) => (schedule.start, schedule.finish),
        None => (task.start, task.end),
    }
}

fn kind_of(input: &LayoutInput, task: &Task) -> BarKind {
    let summary = input
        .schedule
        .task(task.id)
        .map(|schedule| schedule.summary)
        .unwrap_or_else(|| input.project.is_summary(task.id));
    if summary {
        BarKind::Summary
    } else if task.milestone {
        BarKind::Milestone
    } else {
        BarKind::Task
    }
}

/// The left and right x of a task's shape.
fn extent(geometry: Geometry, kind: BarKind, start: NaiveDate, end: NaiveDate) -> (f64, f64) {
    match kind {
        BarKind::Milestone => {
            // A milestone marks the end of its day.
            let centre = geometry.x_of(end) + geometry.day_width;
            (centre - MILESTONE_HALF, centre + MILESTONE_HALF)
        }
        BarKind::Task | BarKind::Summary => {
            let left = geometry.x_of(start);
            let right = (geometry.x_of(end) + geometry.day_width).max(left + MIN_BAR_WIDTH);
            (left, right)
        }
    }
}

fn row_layout(input: &LayoutInput, geometry: Geometry, index: usize) -> Option<RowLayout> {
    let row = input.rows.rows.get(index)?;
    let task = input.rows.task(input.project, row.task)?;
    let kind = kind_of(input, task);
    let (start, end) = dates_of(input, task);
    let schedule = input.schedule.task(task.id);
    let progress = schedule
        .map(|schedule| schedule.progress)
        .unwrap_or(task.progress)
        .percent();
    let critical = kind != BarKind::Summary && schedule.is_some_and(|schedule| schedule.critical);
    let y = index as f64 * ROW_HEIGHT;
    let middle = y + BAR_MIDDLE;
    let (left, right) = extent(geometry, kind, start, end);
    let width = right - left;
    let (bar_y, height, outline) = match kind {
        BarKind::Task => (y + BAR_TOP, BAR_HEIGHT, Vec::new()),
        BarKind::Summary => {
            let top = y + SUMMARY_TOP;
            let bottom = top + SUMMARY_HEIGHT;
            let cap = (width / 2.0).min(6.0);
            (
                top,
                SUMMARY_HEIGHT,
                vec![
                    (left, top),
                    (right, top),
                    (right, bottom + SUMMARY_CAP),
                    (right - cap, bottom),
                    (left + cap, bottom),
                    (left, bottom + SUMMARY_CAP),
                ],
            )
        }
        BarKind::Milestone => {
            let centre = left + MILESTONE_HALF;
            (
                middle - MILESTONE_HALF,
                2.0 * MILESTONE_HALF,
                vec![
                    (centre, middle - MILESTONE_HALF),
                    (right, middle),
                    (centre, middle + MILESTONE_HALF),
                    (left, middle),
                ],
            )
        }
    };
    let handles = (kind == BarKind::Task).then(|| {
        let inside = (width / 3.0).min(HANDLE_INSIDE);
        [
            (left - HANDLE_OUTSIDE, HANDLE_OUTSIDE + inside),
            (right - inside, HANDLE_OUTSIDE + inside),
        ]
    });
    let deadline = task.deadline.map(|date| DeadlineMark {
        date,
        x: geometry.x_of(date) + geometry.day_width,
        y: middle,
        missed: misses_deadline(input.project, task, end),
    });
    let baseline_task = input.rows.in_baseline.get(task.id);
    let slip =
        baseline_task.map(|known| input.project.calendar.working_days_between(known.end, end));
    let baseline_bar = baseline_task.filter(|_| input.show_baseline).map(|known| {
        let shape = if known.milestone {
            BarKind::Milestone
        } else {
            BarKind::Task
        };
        let (from, to) = extent(geometry, shape, known.start, known.end);
        BaselineBar {
            x: from,
            y: y + BASELINE_TOP,
            width: to - from,
            height: BASELINE_HEIGHT,
        }
    });
    Some(RowLayout {
        task: task.id,
        index,
        depth: row.depth,
        has_children: row.has_children,
        expanded: row.expanded,
        title: task.title.clone(),
        kind,
        start,
        end,
        progress,
        critical,
        slip,
        float: schedule.and_then(|schedule| schedule.total_float),
        deadline,
        conflict: schedule.and_then(|schedule| schedule.conflict),
        y,
        x: left,
        bar_y,
        width,
        height,
        progress_width: width * f64::from(progress) / 100.0,
        outline,
        handles,
        connector: (right + CONNECTOR_GAP, middle),
        label: (right + LABEL_GAP, middle + 4.0),
        baseline: baseline_bar,
    })
}

/// Where an arrow can attach to a task: its shape's ends and its row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ends {
    pub left: f64,
    pub right: f64,
    /// The row's top; the bar's middle is `BAR_MIDDLE` below it.
    pub row_top: f64,
}

fn ends<'a>(
    input: &LayoutInput<'a>,
    geometry: Geometry,
    id: TaskId,
) -> Option<(Ends, bool, &'a str)> {
    let row = input.rows.row_of(id)?;
    let task = input.rows.task(input.project, id)?;
    let kind = kind_of(input, task);
    let (start, end) = dates_of(input, task);
    let (left, right) = extent(geometry, kind, start, end);
    let critical = kind != BarKind::Summary
        && input
            .schedule
            .task(id)
            .is_some_and(|schedule| schedule.critical);
    Some((
        Ends {
            left,
            right,
            row_top: row as f64 * ROW_HEIGHT,
        },
        critical,
        task.title.as_str(),
    ))
}

/// Routes a dependency arrow. It leaves the predecessor at its finish (FS, FF) or start (SS,
/// SF), runs straight out for a stub, turns towards the successor's row and enters the
/// successor at its start (FS, SS, from the left) or finish (FF, SF, from the right). When the
/// successor's end lies behind the stub, the arrow runs back along the gap between the rows
/// instead of across either bar.
pub fn route(from: Ends, to: Ends, kind: LinkKind) -> (Vec<Point>, [Point; 3]) {
    let (exit_x, exit_direction) = match kind {
        LinkKind::FinishToStart | LinkKind::FinishToFinish => (from.right, 1.0),
        LinkKind::StartToStart | LinkKind::StartToFinish => (from.left, -1.0),
    };
    // The direction of travel on arrival: rightwards into a start, leftwards into a finish.
    let (entry_x, entry_direction) = match kind {
        LinkKind::FinishToStart | LinkKind::StartToStart => (to.left, 1.0),
        LinkKind::FinishToFinish | LinkKind::StartToFinish => (to.right, -1.0),
    };
    let exit_y = from.row_top + BAR_MIDDLE;
    let entry_y = to.row_top + BAR_MIDDLE;
    let out = exit_x + exit_direction * ARROW_STUB;
    let before = entry_x - entry_direction * ARROW_STUB;
    let points = if exit_direction == entry_direction {
        if (before - out) * exit_direction >= 0.0 {
            vec![
                (exit_x, exit_y),
                (out, exit_y),
                (out, entry_y),
                (entry_x, entry_y),
            ]
        } else {
            let gap = if entry_y > exit_y {
                from.row_top + ROW_HEIGHT
            } else {
                from.row_top
            };
            vec![
                (exit_x, exit_y),
                (out, exit_y),
                (out, gap),
                (before, gap),
                (before, entry_y),
                (entry_x, entry_y),
            ]
        }
    } else {
        let turn = if exit_direction > 0.0 {
            out.max(before)
        } else {
            out.min(before)
        };
        vec![
            (exit_x, exit_y),
            (turn, exit_y),
            (turn, entry_y),
            (entry_x, entry_y),
        ]
    };
    let back = entry_x - entry_direction * ARROW_HEAD_LENGTH;
    let head = [
        (entry_x, entry_y),
        (back, entry_y - ARROW_HEAD_HALF),
        (back, entry_y + ARROW_HEAD_HALF),
    ];
    (points, head)
}

fn arrows(input: &LayoutInput, geometry: Geometry, rows: Range<usize>) -> Vec<ArrowLayout> {
    let mut arrows = Vec::new();
    let mut push = |predecessor: TaskId, successor: TaskId, kind: LinkKind, lag: i32| {
        let (Some((from, from_critical, from_title)), Some((to, to_critical, to_title))) = (
            ends(input, geometry, predecessor),
            ends(input, geometry, successor),
        ) else {
            return;
        };
        let (points, head) = route(from, to, kind);
        arrows.push(ArrowLayout {
            predecessor,
            successor,
            predecessor_title: from_title.to_string(),
            successor_title: to_title.to_string(),
            kind,
            lag,
            critical: from_critical && to_critical,
            points,
            head,
        });
    };
    for index in rows.clone() {
        let Some(row) = input.rows.rows.get(index) else {
            continue;
        };
        let Some(task) = input.rows.task(input.project, row.task) else {
            continue;
        };
        // Links into this row's task.
        for dependency in &task.dependencies {
            push(
                dependency.predecessor,
                task.id,
                dependency.kind,
                dependency.lag,
            );
        }
        // Links out of it into rows outside the window (those inside come from the loop above).
        for successor in input.rows.successors.get(&task.id).into_iter().flatten() {
            if input
                .rows
                .row_of(*successor)
                .is_some_and(|successor_row| rows.contains(&successor_row))
            {
                continue;
            }
            let Some(dependency) = input
                .rows
                .task(input.project, *successor)
                .and_then(|successor| successor.dependency_on(task.id))
            else {
                continue;
            };
            push(task.id, *successor, dependency.kind, dependency.lag);
        }
    }
    arrows
}

/// Runs of non-working days within `days`: holidays always, weekends except at Quarter zoom.
fn bands(calendar: &Calendar, geometry: Geometry, scale: Scale, days: Range<i64>) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    let mut date = shift(geometry.origin, days.start);
    for _ in days {
        if !calendar.is_working_day(date) {
            let holiday = calendar.is_holiday(date);
            if holiday || scale.shades_weekends() {
                let x = geometry.x_of(date);
                match bands.last_mut() {
                    Some(last)
                        if last.holiday == holiday && (last.x + last.width - x).abs() < 0.01 =>
                    {
                        last.width += geometry.day_width;
                    }
                    _ => bands.push(Band {
                        x,
                        width: geometry.day_width,
                        holiday,
                    }),
                }
            }
        }
        date = shift(date, 1);
    }
    bands
}

/// A header unit: the first day of the unit containing `date`, and the first day of the next.
fn unit(date: NaiveDate, unit: Unit) -> (NaiveDate, NaiveDate) {
    let first_of = |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1);
    let start = match unit {
        Unit::Day => Some(date),
        Unit::Week => Some(shift(
            date,
            -i64::from(date.weekday().num_days_from_monday()),
        )),
        Unit::Month => first_of(date.year(), date.month()),
        Unit::Quarter => first_of(date.year(), date.month0() / 3 * 3 + 1),
        Unit::Year => first_of(date.year(), 1),
    }
    .unwrap_or(date);
    let next = match unit {
        Unit::Day => Some(shift(start, 1)),
        Unit::Week => Some(shift(start, 7)),
        Unit::Month | Unit::Quarter => {
            let months = if unit == Unit::Month { 1 } else { 3 };
            let index = start.year() * 12 + start.month0() as i32 + months;
            first_of(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
        }
        Unit::Year => first_of(start.year() + 1, 1),
    }
    .unwrap_or_else(|| shift(start, 1));
    (start, next)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A header cell's label, in the browser's locale where it has words (`ui::format`).
fn label(start: NaiveDate, unit: Unit, major: bool) -> String {
    match (unit, major) {
        (Unit::Day, _) => start.day().to_string(),
        (Unit::Week, _) => format::calendar_label(start, CalendarLabel::DayMonth),
        (Unit::Month, true) => format::calendar_label(start, CalendarLabel::MonthYear),
        (Unit::Month, false) => format::calendar_label(start, CalendarLabel::Month),
        (Unit::Quarter, _) => format!("Q{}", start.month0() / 3 + 1),
        (Unit::Year, _) => start.year().to_string(),
    }
}

/// The header's two tiers for `days`, and the gridlines where each upper-tier unit begins.
fn ticks(geometry: Geometry, scale: Scale, span: Span, days: Range<i64>) -> (Vec<Tick>, Vec<f64>) {
    let (major, minor) = match scale {
        Scale::Day => (Unit::Month, Unit::Day),
        Scale::Week => (Unit::Month, Unit::Week),
        Scale::Month => (Unit::Year, Unit::Month),
        Scale::Quarter => (Unit::Year, Unit::Quarter),
    };
    let mut ticks = Vec::new();
    let mut gridlines = Vec::new();
    if days.is_empty() {
        return (ticks, gridlines);
    }
    let first = shift(span.origin, days.start);
    let end = shift(span.origin, days.end);
    for (tier, is_major) in [(major, true), (minor, false)] {
        let (mut start, mut next) = unit(first, tier);
        while start < end {
            let x = geometry.x_of(start.max(span.origin));
            let right = geometry.x_of(next.min(span.end));
            let y = if is_major { 0.0 } else { HEADER_HEIGHT / 2.0 };
            ticks.push(Tick {
                x,
                y,
                width: right - x,
                height: HEADER_HEIGHT / 2.0,
                label: label(start, tier, is_major),
                label_at: (x + 4.0, y + 16.0),
                major: is_major,
            });
            if is_major && start >= span.origin {
                gridlines.push(geometry.x_of(start));
            }
            if next <= start {
                break;
            }
            (start, next) = unit(next, tier);
        }
    }
    (ticks, gridlines)
}

/// Where an upper-tier header label goes when the chart is scrolled to `visible_left`: kept at
/// the left edge of the visible chart while its month or year is on screen, so "January 2027"
/// stays readable mid-month, but never beyond its own cell.
pub fn pinned_label_x(tick: &Tick, visible_left: f64) -> f64 {
    // A rough width of the label, at 12 px type.
    let text_width = tick.label.chars().count() as f64 * 7.5;
    let latest = tick.x + tick.width - text_width - 4.0;
    (visible_left + 4.0).min(latest).max(tick.label_at.0)
}

/// Points as the SVG `points` attribute: "x,y x,y …".
pub fn points_attribute(points: &[Point]) -> String {
    let mut text = String::with_capacity(points.len() * 12);
    for (index, (x, y)) in points.iter().enumerate() {
        if index > 0 {
            text.push(' ');
        }
        text.push_str(&number(*x));
        text.push(',');
        text.push_str(&number(*y));
    }
    text
}

/// A coordinate with at most one decimal, without a trailing ".0".
pub fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        schedule, Baseline, BaselineId, Currency, Dependency, Progress, ProjectId, SequentialIds,
    };
    use chrono::Weekday;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("test dates are valid")
    }

    /// A small plan on a Monday-to-Friday calendar, January 2027 (Mon 4 … Fri 8, Mon 11).
    struct Plan {
        project: Project,
        ids: SequentialIds,
    }

    impl Plan {
        fn new() -> Plan {
            let mut ids = SequentialIds::default();
            let project = Project::new(
                ProjectId::new(&mut ids),
                "Intranet",
                date("2027-01-04"),
                Currency::EUR,
                &mut ids,
            )
            .expect("valid project");
            Plan { project, ids }
        }

        fn add(&mut self, title: &str, start: &str, end: &str) -> TaskId {
            let column = self.project.columns()[0].id;
            let mut task = Task::new(
                TaskId::new(&mut self.ids),
                title,
                column,
                date(start),
                date("2027-01-01"),
            );
            task.end = date(end);
            task.constraint = crate::model::Constraint::StartNoEarlierThan(date(start));
            let id = task.id;
            self.project
                .add_task(task, date("2027-01-01"))
                .expect("valid task");
            id
        }

        fn edit(&mut self, id: TaskId, change: impl FnOnce(&mut Task)) {
            let mut task = self.project.task(id).expect("task exists").clone();
            change(&mut task);
            self.project
                .update_task(task, date("2027-01-01"))
                .expect("valid edit");
        }

        fn link(&mut self, predecessor: TaskId, successor: TaskId, kind: LinkKind, lag: i32) {
            self.project
                .link_tasks(
                    successor,
                    Dependency {
                        predecessor,
                        kind,
                        lag,
                    },
                )
                .expect("valid link");
        }

        fn lay_out(&self, scale: Scale, window: Option<Window>) -> TimelineLayout {
            self.lay_out_with(scale, window, None, false)
        }

        fn lay_out_with(
            &self,
            scale: Scale,
            window: Option<Window>,
            preview: Option<&Preview>,
            show_baseline: bool,
        ) -> TimelineLayout {
            let schedule = schedule::compute(&self.project);
            let rows = timeline_rows(&self.project, &HashSet::new());
            let today = date("2027-01-06");
            let span = span(&self.project, &schedule, today);
            let window = window.unwrap_or_else(|| Window::everything(rows.rows.len(), span));
            layout(&LayoutInput {
                project: &self.project,
                schedule: &schedule,
                rows: &rows,
                span,
                scale,
                window,
                today,
                preview,
                show_baseline,
            })
        }
    }

    fn row(layout: &TimelineLayout, id: TaskId) -> &RowLayout {
        layout.row(id).expect("the row is laid out")
    }

    #[test]
    fn the_span_starts_on_a_monday_before_everything_and_leaves_room_after() {
        let mut plan = Plan::new();
        plan.add("Design", "2027-01-06", "2027-01-08");
        plan.project.deadline = Some(date("2027-09-30"));
        let schedule = schedule::compute(&plan.project);
        let span = span(&plan.project, &schedule, date("2027-01-06"));
        // A week before Mon 4 Jan is Mon 28 Dec 2026; the deadline plus five weeks ends it.
        assert_eq!(span.origin, date("2026-12-28"));
        assert_eq!(span.origin.weekday(), Weekday::Mon);
        assert_eq!(span.end, date("2027-11-04"));
    }

    #[test]
    fn dates_map_to_x_and_back() {
        let geometry = Geometry {
            origin: date("2026-12-28"),
            day_width: Scale::Day.day_width(),
        };
        let day = date("2027-01-04");
        let x = geometry.x_of(day);
        assert_eq!(x, 7.0 * 36.0);
        assert_eq!(geometry.date_at(x), day);
        assert_eq!(geometry.date_at(x + 35.9), day);
        assert_eq!(geometry.date_at(x - 0.1), date("2027-01-03"));
        assert_eq!(geometry.days_in(53.0), 1);
        assert_eq!(geometry.days_in(-55.0), -2);
        assert_eq!(geometry.days_in(17.0), 0);
    }

    #[test]
    fn a_simple_chain_draws_bars_from_their_dates_and_an_arrow_between_them() {
        // Design ███      (Mon 4–Wed 6)
        // Build        ██ (Fri 8–Mon 11), FS on Design, a day later than it must
        let mut plan = Plan::new();
        let design = plan.add("Design", "2027-01-04", "2027-01-06");
        let build = plan.add("Build", "2027-01-08", "2027-01-11");
        plan.link(design, build, LinkKind::FinishToStart, 0);
        plan.edit(design, |task| {
            task.progress = Progress::new(50).expect("valid")
        });
        let layout = plan.lay_out(Scale::Day, None);

        let first = row(&layout, design);
        assert_eq!(first.kind, BarKind::Task);
        assert_eq!(first.x, 7.0 * 36.0);
        assert_eq!(first.width, 3.0 * 36.0);
        assert_eq!(first.progress_width, 1.5 * 36.0);
        assert_eq!(first.y, 0.0);
        let second = row(&layout, build);
        assert_eq!(second.x, 11.0 * 36.0);
        assert_eq!(second.width, 4.0 * 36.0);
        assert_eq!(second.y, ROW_HEIGHT);
        // Design could slip a day; Build ends the project.
        assert!(!first.critical && second.critical);

        let arrow = layout.arrow(build, design).expect("an arrow joins them");
        assert_eq!(arrow.kind, LinkKind::FinishToStart);
        assert!(!arrow.critical);
        let design_end = 10.0 * 36.0;
        assert_eq!(
            arrow.points,
            vec![
                (design_end, BAR_MIDDLE),
                (design_end + ARROW_STUB, BAR_MIDDLE),
                (design_end + ARROW_STUB, ROW_HEIGHT + BAR_MIDDLE),
                (second.x, ROW_HEIGHT + BAR_MIDDLE),
            ]
        );
        assert_eq!(arrow.head[0], (second.x, ROW_HEIGHT + BAR_MIDDLE));
    }

    #[test]
    fn a_successor_right_after_its_predecessor_is_entered_from_the_left() {
        // Design ███   (Mon 4–Wed 6)
        // Build     ██ (Thu 7–Fri 8): no room to turn, so the arrow doubles back in the gap.
        let mut plan = Plan::new();
        let design = plan.add("Design", "2027-01-04", "2027-01-06");
        let build = plan.add("Build", "2027-01-07", "2027-01-08");
        plan.link(design, build, LinkKind::FinishToStart, 0);
        let layout = plan.lay_out(Scale::Day, None);
        assert!(row(&layout, design).critical && row(&layout, build).critical);
        let arrow = layout.arrow(build, design).expect("an arrow joins them");
        assert!(arrow.critical);
        let edge = 10.0 * 36.0;
        assert_eq!(
            arrow.points,
            vec![
                (edge, BAR_MIDDLE),
                (edge + ARROW_STUB, BAR_MIDDLE),
                (edge + ARROW_STUB, ROW_HEIGHT),
                (edge - ARROW_STUB, ROW_HEIGHT),
                (edge - ARROW_STUB, ROW_HEIGHT + BAR_MIDDLE),
                (edge, ROW_HEIGHT + BAR_MIDDLE),
            ]
        );
    }

    #[test]
    fn an_overlapping_successor_is_reached_along_the_gap_between_the_rows() {
        // Design ███     (Mon 4–Wed 6)
        // Build    ██    (Wed 6–Thu 7), FS with a lead of one day
        let mut plan = Plan::new();
        let design = plan.add("Design", "2027-01-04", "2027-01-06");
        let build = plan.add("Build", "2027-01-06", "2027-01-07");
        plan.link(design, build, LinkKind::FinishToStart, -1);
        let layout = plan.lay_out(Scale::Day, None);
        let arrow = layout.arrow(build, design).expect("an arrow joins them");
        let build_start = row(&layout, build).x;
        assert_eq!(arrow.lag, -1);
        assert_eq!(arrow.points.len(), 6);
        // It drops to the boundary between the rows, runs back left past Build's start, then
        // enters Build from the left.
        assert_eq!(arrow.points[2].1, ROW_HEIGHT);
        assert_eq!(arrow.points[3], (build_start - ARROW_STUB, ROW_HEIGHT));
        assert_eq!(
            arrow.points.last().copied(),
            Some((build_start, ROW_HEIGHT + BAR_MIDDLE))
        );
    }

    #[test]
    fn every_link_kind_leaves_and_enters_at_the_right_ends() {
        let from = Ends {
            left: 100.0,
            right: 200.0,
            row_top: 0.0,
        };
        let to = Ends {
            left: 150.0,
            right: 300.0,
            row_top: 64.0,
        };
        let (fs, _) = route(from, to, LinkKind::FinishToStart);
        assert_eq!(fs.first().map(|point| point.0), Some(200.0));
        assert_eq!(fs.last().map(|point| point.0), Some(150.0));
        let (ss, ss_head) = route(from, to, LinkKind::StartToStart);
        assert_eq!(
            ss,
            vec![(100.0, 14.0), (90.0, 14.0), (90.0, 78.0), (150.0, 78.0)]
        );
        assert_eq!(ss_head[1].0, 144.0, "the head points right, into the start");
        let (ff, ff_head) = route(from, to, LinkKind::FinishToFinish);
        assert_eq!(
            ff,
            vec![(200.0, 14.0), (310.0, 14.0), (310.0, 78.0), (300.0, 78.0)]
        );
        assert_eq!(ff_head[1].0, 306.0, "the head points left, into the finish");
        // SF leaves leftwards but must enter the finish from the right: around, in the gap.
        let (sf, _) = route(from, to, LinkKind::StartToFinish);
        assert_eq!(
            sf,
            vec![
                (100.0, 14.0),
                (90.0, 14.0),
                (90.0, 32.0),
                (310.0, 32.0),
                (310.0, 78.0),
                (300.0, 78.0)
            ]
        );
        // Upwards: the gap used is above the predecessor's row.
        let (up, _) = route(to, from, LinkKind::FinishToStart);
        assert_eq!(up[2].1, 64.0);
    }

    #[test]
    fn milestones_are_diamonds_at_the_end_of_their_day_and_summaries_are_brackets() {
        let mut plan = Plan::new();
        let phase = plan.add("Phase", "2027-01-04", "2027-01-04");
        let work = plan.add("Work", "2027-01-05", "2027-01-06");
        let done = plan.add("Done", "2027-01-08", "2027-01-08");
        plan.edit(work, |task| task.parent = Some(phase));
        plan.edit(done, |task| task.milestone = true);
        let layout = plan.lay_out(Scale::Day, None);
        let summary = row(&layout, phase);
        assert_eq!(summary.kind, BarKind::Summary);
        assert!(summary.has_children);
        // Rolled up from the subtask, not the stored Monday.
        assert_eq!(summary.start, date("2027-01-05"));
        assert_eq!(summary.x, 8.0 * 36.0);
        assert_eq!(summary.outline.len(), 6);
        assert!(summary.handles.is_none());
        assert!(!summary.critical);
        let milestone = row(&layout, done);
        assert_eq!(milestone.kind, BarKind::Milestone);
        let centre = 12.0 * 36.0;
        assert_eq!(milestone.x, centre - MILESTONE_HALF);
        assert_eq!(milestone.width, 2.0 * MILESTONE_HALF);
        assert_eq!(milestone.outline[0], (centre, milestone.y + 6.0));
        assert!(milestone.handles.is_none());
        assert_eq!(row(&layout, work).depth, 1);
    }

    #[test]
    fn plain_bars_get_handles_at_both_ends_and_a_connector_beyond_the_finish() {
        let mut plan = Plan::new();
        let task = plan.add("Design", "2027-01-04", "2027-01-06");
        let layout = plan.lay_out(Scale::Day, None);
        let bar = row(&layout, task);
        let [left, right] = bar.handles.expect("task bars have handles");
        assert!(left.0 < bar.x && left.0 + left.1 > bar.x);
        let end = bar.x + bar.width;
        assert!(right.0 < end && right.0 + right.1 > end);
        assert!(bar.connector.0 > right.0 + right.1);
        assert!(bar.label.0 > bar.connector.0);
    }

    #[test]
    fn weekends_and_holidays_are_shaded_in_merged_bands() {
        let mut plan = Plan::new();
        plan.add("Design", "2027-01-04", "2027-01-06");
        plan.project.calendar.holidays.insert(date("2027-01-06"));
        let layout = plan.lay_out(Scale::Day, None);
        let geometry = layout.geometry;
        let weekend = layout
            .bands
            .iter()
            .find(|band| band.x == geometry.x_of(date("2027-01-09")))
            .expect("Sat 9 and Sun 10 are shaded");
        assert_eq!(weekend.width, 2.0 * 36.0);
        assert!(!weekend.holiday);
        let holiday = layout
            .bands
            .iter()
            .find(|band| band.x == geometry.x_of(date("2027-01-06")))
            .expect("the holiday is shaded");
        assert!(holiday.holiday);
        assert_eq!(holiday.width, 36.0);
        // At Quarter zoom only the holiday remains.
        let coarse = plan.lay_out(Scale::Quarter, None);
        assert!(coarse.bands.iter().all(|band| band.holiday));
        assert_eq!(coarse.bands.len(), 1);
    }

    #[test]
    fn the_header_has_two_tiers_for_every_zoom() {
        let mut plan = Plan::new();
        plan.add("Design", "2027-01-04", "2027-01-06");
        let day = plan.lay_out(Scale::Day, None);
        let january = day
            .ticks
            .iter()
            .find(|tick| tick.major && tick.label == "January 2027")
            .expect("a month label");
        assert_eq!(january.x, day.geometry.x_of(date("2027-01-01")));
        assert_eq!(january.width, 31.0 * 36.0);
        assert!(day
            .ticks
            .iter()
            .any(|tick| !tick.major && tick.label == "4"));
        assert!(day
            .gridlines
            .contains(&day.geometry.x_of(date("2027-02-01"))));

        let week = plan.lay_out(Scale::Week, None);
        let monday = week
            .ticks
            .iter()
            .find(|tick| !tick.major && tick.label == "4 Jan")
            .expect("weeks are labelled by their Monday");
        assert_eq!(monday.width, 7.0 * 16.0);

        let month = plan.lay_out(Scale::Month, None);
        assert!(month
            .ticks
            .iter()
            .any(|tick| tick.major && tick.label == "2027"));
        assert!(month
            .ticks
            .iter()
            .any(|tick| !tick.major && tick.label == "Feb"));

        let quarter = plan.lay_out(Scale::Quarter, None);
        let first = quarter
            .ticks
            .iter()
            .find(|tick| !tick.major && tick.label == "Q1")
            .expect("quarters are labelled");
        assert_eq!(first.x, quarter.geometry.x_of(date("2027-01-01")));
        assert_eq!(first.width, 90.0 * 2.0);
        // The first header cell is cut at the span's start.
        assert!(quarter.ticks.iter().all(|tick| tick.x >= 0.0));
    }

    #[test]
    fn today_and_the_deadline_get_lines() {
        let mut plan = Plan::new();
        plan.add("Design", "2027-01-04", "2027-01-06");
        plan.project.deadline = Some(date("2027-01-29"));
        let layout = plan.lay_out(Scale::Day, None);
        assert_eq!(
            layout.today,
            Some(layout.geometry.x_of(date("2027-01-06")) + 18.0)
        );
        assert_eq!(
            layout.deadline,
            Some(layout.geometry.x_of(date("2027-01-30")))
        );
    }

    #[test]
    fn a_task_deadline_is_marked_on_its_row_and_missed_when_the_task_ends_after_it() {
        let mut plan = Plan::new();
        let design = plan.add("Design", "2027-01-04", "2027-01-06");
        let build = plan.add("Build", "2027-01-04", "2027-01-08");
        for (task, deadline) in [(design, "2027-01-06"), (build, "2027-01-07")] {
            let mut changed = plan.project.task(task).expect("task exists").clone();
            changed.deadline = Some(date(deadline));
            plan.project
                .update_task(changed, date("2027-01-01"))
                .expect("valid change");
        }
        let layout = plan.lay_out(Scale::Day, None);
        let met = row(&layout, design).deadline.clone().expect("a deadline");
        assert_eq!(met.x, layout.geometry.x_of(date("2027-01-07")));
        assert!(!met.missed);
        let missed = row(&layout, build).deadline.clone().expect("a deadline");
        assert!(missed.missed);
        assert_eq!(row(&layout, build).float, Some(0));
    }

    #[test]
    fn the_chart_opens_at_the_work_and_zoom_keeps_the_middle_day() {
        let mut plan = Plan::new();
        plan.add("Design", "2027-01-04", "2027-01-08");
        let schedule = schedule::compute(&plan.project);
        let geometry = Geometry {
            origin: date("2026-11-23"),
            day_width: 10.0,
        };
        // Today before the work: open two days before the first task.
        let early = opening_scroll_left(geometry, &schedule, date("2026-11-26"), 900.0);
        assert_eq!(early, geometry.x_of(date("2027-01-02")));
        // Today within the work: open with today a third of the way in.
        let during = opening_scroll_left(geometry, &schedule, date("2027-01-06"), 900.0);
        assert_eq!(during, geometry.x_of(date("2027-01-06")) - 300.0);
        assert_eq!(
            scroll_left_to_show(geometry, date("2026-11-24"), 900.0),
            0.0
        );

        let viewport = Viewport {
            scroll_left: 400.0,
            width: 600.0,
            ..Viewport::default()
        };
        let middle = middle_date(geometry, viewport);
        assert_eq!(middle, date("2027-02-01"));
        let finer = Geometry {
            day_width: 36.0,
            ..geometry
        };
        let left = scroll_left_to_centre(finer, middle, 600.0);
        assert_eq!(
            middle_date(
                finer,
                Viewport {
                    scroll_left: left,
                    ..viewport
                }
            ),
            middle
        );
    }

    #[test]
    fn moving_the_focus_to_a_row_off_screen_scrolls_just_enough() {
        let viewport = Viewport {
            scroll_top: 320.0,
            height: 320.0,
            ..Viewport::default()
        };
        assert_eq!(scroll_top_to_show_row(viewport, 12), None);
        assert_eq!(scroll_top_to_show_row(viewport, 9), Some(9.0 * ROW_HEIGHT));
        assert_eq!(
            scroll_top_to_show_row(viewport, 20),
            Some(21.0 * ROW_HEIGHT - 320.0)
        );
    }

    #[test]
    fn the_window_covers_the_visible_rows_and_days_with_a_margin_in_blocks() {
        let span = Span {
            origin: date("2027-01-04"),
            end: date("2037-01-04"),
        };
        let viewport = Viewport {
            scroll_left: 0.0,
            scroll_top: 0.0,
            width: 1000.0,
            height: 640.0,
        };
        let top = window(viewport, 10_000, span, Scale::Day);
        // 20 visible rows + 8 margin: 28, a whole number of blocks of 4.
        assert_eq!(top.rows, 0..28);
        // 1000 px + 400 margin, rounded up to 1600 px = 45 days at 36 px.
        assert_eq!(top.days, 0..45);

        let scrolled = Viewport {
            scroll_top: 100.0 * ROW_HEIGHT + 5.0,
            scroll_left: 4500.0,
            ..viewport
        };
        let middle = window(scrolled, 10_000, span, Scale::Day);
        assert_eq!(middle.rows, 92..132);
        assert!(middle.rows.contains(&100) && middle.rows.contains(&120));
        let visible_days = (4500.0 / 36.0) as i64..(5500.0 / 36.0) as i64;
        assert!(middle.days.start <= visible_days.start && middle.days.end >= visible_days.end);
        // A few pixels more change nothing.
        let nudged = Viewport {
            scroll_top: scrolled.scroll_top + 40.0,
            scroll_left: scrolled.scroll_left + 30.0,
            ..scrolled
        };
        assert_eq!(window(nudged, 10_000, span, Scale::Day), middle);

        // Scrolled to the end of 50 rows: 960 px down.
        let bottom = window(
            Viewport {
                scroll_top: 960.0,
                ..viewport
            },
            50,
            span,
            Scale::Day,
        );
        assert_eq!(bottom.rows, 20..50);
        let beyond = window(
            Viewport {
                scroll_top: 1e9,
                ..viewport
            },
            50,
            span,
            Scale::Day,
        );
        assert!(beyond.rows.is_empty());
        assert!(window(viewport, 0, span, Scale::Day).rows.is_empty());
    }

    #[test]
    fn only_windowed_rows_are_laid_out_but_arrows_reach_rows_outside() {
        let mut plan = Plan::new();
        let mut ids = Vec::new();
        for index in 0..40 {
            ids.push(plan.add(&format!("Task {index}"), "2027-01-04", "2027-01-04"));
        }
        plan.link(ids[0], ids[35], LinkKind::FinishToStart, 0);
        plan.link(ids[20], ids[5], LinkKind::FinishToStart, 0);
        let window = Window {
            rows: 0..16,
            days: 0..30,
        };
        let layout = plan.lay_out(Scale::Day, Some(window));
        assert_eq!(layout.rows.len(), 16);
        assert_eq!(layout.rows[3].index, 3);
        assert!(layout.row(ids[20]).is_none());
        assert_eq!(layout.height, 40.0 * ROW_HEIGHT);
        assert!(
            layout.arrow(ids[35], ids[0]).is_some(),
            "out of a shown row"
        );
        assert!(layout.arrow(ids[5], ids[20]).is_some(), "into a shown row");
        assert_eq!(layout.arrows.len(), 2);
        assert!(layout.bands.iter().all(|band| band.x < 30.0 * 36.0));
    }

    #[test]
    fn collapsed_subtasks_have_no_rows_and_no_arrows() {
        let mut plan = Plan::new();
        let phase = plan.add("Phase", "2027-01-04", "2027-01-04");
        let inner = plan.add("Inner", "2027-01-04", "2027-01-05");
        let after = plan.add("After", "2027-01-06", "2027-01-07");
        plan.edit(inner, |task| task.parent = Some(phase));
        plan.link(inner, after, LinkKind::FinishToStart, 0);
        let schedule = schedule::compute(&plan.project);
        let rows = timeline_rows(&plan.project, &[phase].into_iter().collect());
        assert_eq!(rows.rows.len(), 2);
        assert!(!rows.rows[0].expanded);
        let span = span(&plan.project, &schedule, date("2027-01-04"));
        let layout = layout(&LayoutInput {
            project: &plan.project,
            schedule: &schedule,
            rows: &rows,
            span,
            scale: Scale::Week,
            window: Window::everything(rows.rows.len(), span),
            today: date("2027-01-04"),
            preview: None,
            show_baseline: false,
        });
        assert!(layout.row(inner).is_none());
        assert_eq!(row(&layout, after).index, 1);
        assert!(layout.arrows.is_empty());
    }

    #[test]
    fn a_preview_moves_the_dragged_bar_and_what_it_pushes() {
        let mut plan = Plan::new();
        let design = plan.add("Design", "2027-01-04", "2027-01-06");
        let build = plan.add("Build", "2027-01-07", "2027-01-08");
        plan.link(design, build, LinkKind::FinishToStart, 0);
        let preview = Preview {
            dates: [
                (design, (date("2027-01-05"), date("2027-01-07"))),
                (build, (date("2027-01-08"), date("2027-01-11"))),
            ]
            .into_iter()
            .collect(),
        };
        let layout = plan.lay_out_with(Scale::Day, None, Some(&preview), false);
        assert_eq!(row(&layout, design).start, date("2027-01-05"));
        let moved = row(&layout, build);
        assert_eq!(moved.end, date("2027-01-11"));
        assert_eq!(moved.x, layout.geometry.x_of(date("2027-01-08")));
        let arrow = layout.arrow(build, design).expect("the arrow follows");
        assert_eq!(arrow.points[0].0, layout.geometry.x_of(date("2027-01-08")));
    }

    #[test]
    fn baseline_bars_and_slip_in_working_days() {
        let mut plan = Plan::new();
        let design = plan.add("Design", "2027-01-04", "2027-01-06");
        let baseline = Baseline::capture(
            BaselineId::new(&mut plan.ids),
            "Approved",
            &plan.project,
            &[],
            date("2027-01-04"),
        );
        plan.project.add_baseline(baseline).expect("valid baseline");
        let added = plan.add("Added later", "2027-01-04", "2027-01-04");
        // Wed 6 → Mon 11: Thu, Fri, Mon are three working days of slip.
        plan.project
            .set_task_dates(design, date("2027-01-07"), date("2027-01-11"))
            .expect("valid dates");
        let hidden = plan.lay_out(Scale::Day, None);
        assert_eq!(row(&hidden, design).slip, Some(3));
        assert_eq!(row(&hidden, added).slip, None);
        assert!(row(&hidden, design).baseline.is_none());
        let shown = plan.lay_out_with(Scale::Day, None, None, true);
        let bar = row(&shown, design);
        let baseline = bar.baseline.as_ref().expect("a baseline bar");
        assert_eq!(baseline.x, shown.geometry.x_of(date("2027-01-04")));
        assert_eq!(baseline.width, 3.0 * 36.0);
        assert!(baseline.y > bar.bar_y + bar.height);
        assert!(row(&shown, added).baseline.is_none());
    }

    #[test]
    fn a_summary_is_compared_with_its_subtasks_in_the_baseline_not_its_stale_dates() {
        // Phase is stored as Mon 4 only (never rolled up), its subtask runs Tue 5–Thu 7.
        let mut plan = Plan::new();
        let phase = plan.add("Phase", "2027-01-04", "2027-01-04");
        let work = plan.add("Work", "2027-01-05", "2027-01-07");
        plan.edit(work, |task| task.parent = Some(phase));
        let baseline = Baseline::capture(
            BaselineId::new(&mut plan.ids),
            "Approved",
            &plan.project,
            &[],
            date("2027-01-04"),
        );
        plan.project.add_baseline(baseline).expect("valid baseline");
        let layout = plan.lay_out_with(Scale::Day, None, None, true);
        let summary = row(&layout, phase);
        assert_eq!(summary.slip, Some(0));
        let bar = summary.baseline.as_ref().expect("a baseline bar");
        assert_eq!(bar.x, layout.geometry.x_of(date("2027-01-05")));
        assert_eq!(bar.width, 3.0 * 36.0);
    }

    #[test]
    fn the_row_under_a_point_is_found_for_dropping_a_dependency() {
        let mut plan = Plan::new();
        plan.add("One", "2027-01-04", "2027-01-04");
        plan.add("Two", "2027-01-04", "2027-01-04");
        let layout = plan.lay_out(Scale::Week, None);
        assert_eq!(layout.row_at(5.0), Some(0));
        assert_eq!(layout.row_at(ROW_HEIGHT + 1.0), Some(1));
        assert_eq!(layout.row_at(2.0 * ROW_HEIGHT + 1.0), None);
        assert_eq!(layout.row_at(-1.0), None);
    }

    #[test]
    fn month_labels_stay_on_screen_within_their_month() {
        let tick = Tick {
            x: 100.0,
            y: 0.0,
            width: 1000.0,
            height: 24.0,
            label: "January 2027".to_string(),
            label_at: (104.0, 16.0),
            major: true,
        };
        assert_eq!(pinned_label_x(&tick, 0.0), 104.0);
        assert_eq!(pinned_label_x(&tick, 500.0), 504.0);
        // Near the month's end the label stops inside its cell.
        assert_eq!(pinned_label_x(&tick, 1090.0), 1100.0 - 90.0 - 4.0);
    }

    #[test]
    fn points_are_written_compactly() {
        assert_eq!(points_attribute(&[(1.0, 2.5), (3.04, -4.0)]), "1,2.5 3,-4");
        assert_eq!(number(12.25), "12.3");
    }
}
