//! "Save as SVG": the Timeline as a standalone SVG file.
//!
//! [`timeline_svg`] writes a layout of every row and day (see `Window::everything`) with the task
//! list on the left, the date header on top and the chart, using inline colours (a standalone
//! file has no style sheet and no dark mode) and a `<title>` on the drawing and on every bar.
//! Pure text building; the download is `widgets::file::download`.

use super::super::format;
use super::layout::{
    number, points_attribute, BarKind, TimelineLayout, HEADER_HEIGHT, LIST_WIDTH, ROW_HEIGHT,
};
use super::list::slip_text;
use std::fmt::Write;

/// Colours of the light theme, so the file reads the same everywhere.
const BACKGROUND: &str = "#ffffff";
const TEXT: &str = "#1b2330";
const MUTED: &str = "#4d5868";
const BORDER: &str = "#c9d1dc";
const STRIPE: &str = "#eef1f5";
const HOLIDAY: &str = "#fff4d6";
const ACCENT: &str = "#1d5fc4";
const ACCENT_SOFT: &str = "#c9dcf7";
const DANGER: &str = "#b3261e";
const DANGER_SOFT: &str = "#f6d4d0";
const MILESTONE: &str = "#8a5a00";

/// Columns of the task list in the file.
const TITLE_X: f64 = 8.0;
const TITLE_WIDTH: f64 = 220.0;
const START_X: f64 = 244.0;
const END_X: f64 = 344.0;
const SLIP_X: f64 = 444.0;
const INDENT: f64 = 14.0;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// The Timeline of `project_name` as a standalone SVG document. `critical` colours the critical
/// tasks and arrows as the "Critical path" toggle does.
pub fn timeline_svg(layout: &TimelineLayout, project_name: &str, critical: bool) -> String {
    let width = LIST_WIDTH + layout.width;
    let height = HEADER_HEIGHT + layout.height;
    let show_slip = layout.rows.iter().any(|row| row.slip.is_some());
    let mut svg = String::with_capacity(4096 + layout.rows.len() * 600);
    // Writing to a String cannot fail, so the results of `write!` are ignored.
    let _ = write!(
        svg,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12">
<title>{title}</title>
<defs><clipPath id="title-column"><rect x="0" y="0" width="{title_width}" height="{h}"/></clipPath></defs>
<rect x="0" y="0" width="{w}" height="{h}" fill="{BACKGROUND}"/>
"#,
        w = number(width),
        h = number(height),
        title = escape(&format!("{project_name} — Timeline")),
        title_width = number(TITLE_X + TITLE_WIDTH),
    );

    // The chart, below the header and right of the list.
    let _ = writeln!(
        svg,
        r#"<g transform="translate({} {})">"#,
        number(LIST_WIDTH),
        number(HEADER_HEIGHT)
    );
    for band in &layout.bands {
        let _ = writeln!(
            svg,
            r#"<rect x="{}" y="0" width="{}" height="{}" fill="{}"/>"#,
            number(band.x),
            number(band.width),
            number(layout.height),
            if band.holiday { HOLIDAY } else { STRIPE }
        );
    }
    for row in &layout.rows {
        let _ = writeln!(
            svg,
            r#"<line x1="0" x2="{}" y1="{y}" y2="{y}" stroke="{STRIPE}"/>"#,
            number(layout.width),
            y = number(row.y + ROW_HEIGHT)
        );
    }
    for x in &layout.gridlines {
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" x2="{x}" y1="0" y2="{}" stroke="{BORDER}"/>"#,
            number(layout.height),
            x = number(*x)
        );
    }
    if let Some(x) = layout.today {
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" x2="{x}" y1="0" y2="{}" stroke="{ACCENT}" stroke-width="2"><title>Today</title></line>"#,
            number(layout.height),
            x = number(x)
        );
    }
    if let Some(x) = layout.deadline {
        let _ = writeln!(
            svg,
            r#"<line x1="{x}" x2="{x}" y1="0" y2="{}" stroke="{DANGER}" stroke-width="2" stroke-dasharray="6 4"><title>Deadline</title></line>"#,
            number(layout.height),
            x = number(x)
        );
    }
    for arrow in &layout.arrows {
        let colour = if critical && arrow.critical {
            DANGER
        } else {
            MUTED
        };
        let _ = writeln!(
            svg,
            r#"<g><title>{}</title><polyline points="{}" fill="none" stroke="{colour}" stroke-width="1.5"/><polygon points="{}" fill="{colour}"/></g>"#,
            escape(&super::arrow::describe_arrow(arrow)),
            points_attribute(&arrow.points),
            points_attribute(&arrow.head)
        );
    }
    for row in &layout.rows {
        let highlighted = critical && row.critical;
        let (fill, stroke, progress) = if highlighted {
            (DANGER_SOFT, DANGER, DANGER)
        } else {
            (ACCENT_SOFT, ACCENT, ACCENT)
        };
        let _ = write!(
            svg,
            "<g><title>{}: {}</title>",
            escape(&row.title),
            escape(&super::bar::describe_bar(row, critical))
        );
        if let Some(baseline) = &row.baseline {
            let _ = write!(
                svg,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{MUTED}" opacity="0.6"/>"#,
                number(baseline.x),
                number(baseline.y),
                number(baseline.width),
                number(baseline.height)
            );
        }
        match row.kind {
            BarKind::Task => {
                let _ = write!(
                    svg,
                    r#"<rect x="{x}" y="{y}" width="{}" height="{h}" rx="3" fill="{fill}" stroke="{stroke}"/><rect x="{x}" y="{y}" width="{}" height="{h}" rx="3" fill="{progress}"/>"#,
                    number(row.width),
                    number(row.progress_width),
                    x = number(row.x),
                    y = number(row.bar_y),
                    h = number(row.height)
                );
            }
            BarKind::Summary => {
                let _ = write!(
                    svg,
                    r#"<polygon points="{}" fill="{TEXT}"/>"#,
                    points_attribute(&row.outline)
                );
            }
            BarKind::Milestone => {
                let colour = if highlighted { DANGER } else { MILESTONE };
                let _ = write!(
                    svg,
                    r#"<polygon points="{}" fill="{colour}"/>"#,
                    points_attribute(&row.outline)
                );
            }
        }
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" fill="{TEXT}">{}</text></g>"#,
            number(row.label.0),
            number(row.label.1),
            escape(&row.title)
        );
    }
    svg.push_str("</g>\n");

    // The date header.
    let _ = writeln!(
        svg,
        r#"<g transform="translate({} 0)">"#,
        number(LIST_WIDTH)
    );
    for tick in &layout.ticks {
        let _ = writeln!(
            svg,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{BORDER}"/><text x="{}" y="{}" fill="{TEXT}"{}>{}</text>"#,
            number(tick.x),
            number(tick.y),
            number(tick.width),
            number(tick.height),
            if tick.major { STRIPE } else { BACKGROUND },
            number(tick.label_at.0),
            number(tick.label_at.1),
            if tick.major {
                r#" font-weight="600""#
            } else {
                ""
            },
            escape(&tick.label)
        );
    }
    svg.push_str("</g>\n");

    // The task list.
    let _ = writeln!(
        svg,
        r#"<rect x="0" y="0" width="{list}" height="{h}" fill="{BACKGROUND}" stroke="{BORDER}"/><rect x="0" y="0" width="{list}" height="{header}" fill="{STRIPE}" stroke="{BORDER}"/>"#,
        list = number(LIST_WIDTH),
        h = number(height),
        header = number(HEADER_HEIGHT)
    );
    let header_y = number(HEADER_HEIGHT - 16.0);
    let _ = write!(
        svg,
        r#"<g font-weight="600" fill="{TEXT}"><text x="{}" y="{header_y}">Task</text><text x="{}" y="{header_y}">Start</text><text x="{}" y="{header_y}">End</text>"#,
        number(TITLE_X),
        number(START_X),
        number(END_X)
    );
    if show_slip {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{header_y}">Slip</text>"#,
            number(SLIP_X)
        );
    }
    svg.push_str("</g>\n");
    let _ = writeln!(svg, r#"<g fill="{TEXT}">"#);
    for row in &layout.rows {
        let y = HEADER_HEIGHT + row.y;
        let baseline = number(y + ROW_HEIGHT / 2.0 + 4.0);
        let weight = if row.kind == BarKind::Summary {
            r#" font-weight="600""#
        } else {
            ""
        };
        let _ = write!(
            svg,
            r#"<line x1="0" x2="{}" y1="{line}" y2="{line}" stroke="{STRIPE}"/><text x="{}" y="{baseline}" clip-path="url(#title-column)"{weight}>{}</text><text x="{}" y="{baseline}">{}</text><text x="{}" y="{baseline}">{}</text>"#,
            number(LIST_WIDTH),
            number(TITLE_X + f64::from(row.depth) * INDENT),
            escape(&row.title),
            number(START_X),
            escape(&format::date(row.start)),
            number(END_X),
            escape(&format::date(row.end)),
            line = number(y + ROW_HEIGHT)
        );
        if show_slip {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{baseline}">{}</text>"#,
                number(SLIP_X),
                escape(&slip_text(row.slip).0)
            );
        }
        svg.push('\n');
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::super::layout::fixture::{lay_out, plan};
    use super::super::layout::Scale;
    use super::*;
    use crate::model::{Dependency, TaskId};

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"R&D <"x">'"#),
            "R&amp;D &lt;&quot;x&quot;&gt;&apos;"
        );
    }

    #[test]
    fn the_file_is_a_standalone_drawing_with_every_task_and_arrow() {
        let mut plan = plan();
        plan.details(|details| details.name = "R&D <Intranet>".to_string());
        let mut titles = Vec::new();
        let mut previous: Option<TaskId> = None;
        for index in 0..60 {
            let title = format!("Step {index}");
            let task = plan.task(&title, "2027-01-04", "2027-01-04", 0, None);
            if let Some(previous) = previous {
                plan.link(task, Dependency::finish_to_start(previous));
            }
            previous = Some(task);
            titles.push(title);
        }
        plan.reschedule();
        let drawing = lay_out(&plan, Scale::Week, None);
        let svg = timeline_svg(&drawing, &plan.project().name, true);
        assert!(svg.starts_with("<?xml"));
        assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
        assert!(svg.contains("<title>R&amp;D &lt;Intranet&gt; — Timeline</title>"));
        for title in &titles {
            assert!(
                svg.contains(&format!(">{title}</text>")),
                "{title} is drawn"
            );
        }
        assert_eq!(drawing.arrows.len(), 59);
        assert_eq!(svg.matches("<polyline").count(), 59);
        assert!(svg.contains(DANGER), "the critical chain is highlighted");
        assert!(
            !svg.contains("var(--"),
            "no style sheet variables in a standalone file"
        );
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
