//! A line chart drawn as accessible SVG: a `<title>` and `<desc>` name it, lines carry their
//! series' pattern as well as colour, and a `<details>` table holds every figure for people who
//! cannot see the chart.
//!
//! [`layout`] turns [`ChartData`] into pixel geometry (pure, tested on the host);
//! [`LineChart`] only paints it. The figures and their wording come from the caller.

use leptos::prelude::*;

/// Width and height of the drawing in SVG units; it scales to its container.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
/// Room for the axis labels.
const LEFT: f64 = 64.0;
const RIGHT: f64 = 40.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// One line of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    /// Its name in the legend and the table heading.
    pub name: String,
    /// The BEM modifier that styles it: `plan`, `scope`, `done`, `actual`…
    pub key: &'static str,
    /// One value per label; `None` where the series has no figure.
    pub values: Vec<Option<f64>>,
    /// The same figures as text for the table.
    pub texts: Vec<Option<String>>,
}

/// What a chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// The chart's name.
    pub title: String,
    /// One sentence saying what it shows.
    pub description: String,
    /// The x axis: one label per point (a week).
    pub labels: Vec<String>,
    /// The first column's heading in the table ("Week of").
    pub label_heading: String,
    /// How the y axis's numbers read ("h", "EUR").
    pub unit: String,
    pub series: Vec<ChartSeries>,
}

/// A drawn line: its style key and the SVG path, plus lone points drawn as dots.
#[derive(Clone, Debug, PartialEq)]
pub struct LinePath {
    pub key: &'static str,
    pub path: String,
    pub dots: Vec<(f64, f64)>,
}

/// A tick on an axis: position and label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

/// The chart in SVG units.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    pub lines: Vec<LinePath>,
    pub y_ticks: Vec<Tick>,
    pub x_ticks: Vec<Tick>,
    /// The plotting area: left, top, right, bottom.
    pub area: (f64, f64, f64, f64),
}

/// A "nice" step (1, 2 or 5 × 10^n) that splits `maximum` into about four parts.
fn nice_step(maximum: f64) -> f64 {
    let rough = (maximum / 4.0).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(rough.log10().floor());
    let fraction = rough / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

fn compact(value: f64) -> String {
    if value >= 1_000_000.0 {
        format!("{}M", trim(value / 1_000_000.0))
    } else if value >= 10_000.0 {
        format!("{}k", trim(value / 1_000.0))
    } else {
        trim(value)
    }
}

fn trim(value: f64) -> String {
    let text = format!("{value:.1}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Lays out `data`: the y axis runs from 0 to a nice step above the largest value; points are
/// spaced evenly; a run of values draws a line, a lone value a dot.
pub fn layout(data: &ChartData) -> ChartLayout {
    let (left, top, right, bottom) = (LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
    let largest = data
        .series
        .iter()
        .flat_map(|series| series.values.iter().flatten())
        .fold(0.0f64, |largest, value| largest.max(*value));
    let step = nice_step(if largest > 0.0 { largest } else { 1.0 });
    let top_value = (largest / step).ceil().max(1.0) * step;
    let count = data.labels.len();
    let x = |index: usize| {
        if count <= 1 {
            (left + right) / 2.0
        } else {
            left + (right - left) * index as f64 / (count - 1) as f64
        }
    };
    let y = |value: f64| bottom - (bottom - top) * (value / top_value);
    let lines = data
        .series
        .iter()
        .map(|series| {
            let mut path = String::new();
            let mut dots = Vec::new();
            let mut run: Vec<(f64, f64)> = Vec::new();
            let mut flush = |run: &mut Vec<(f64, f64)>| {
                match run.len() {
                    0 => {}
                    1 => dots.push(run[0]),
                    _ => {
                        for (position, (px, py)) in run.iter().enumerate() {
                            let command = if position == 0 { 'M' } else { 'L' };
                            path.push_str(&format!("{command}{px:.1},{py:.1} "));
                        }
                    }
                }
                run.clear();
            };
            for (index, value) in series.values.iter().enumerate() {
                match value {
                    Some(value) => run.push((x(index), y(*value))),
                    None => flush(&mut run),
                }
            }
            flush(&mut run);
            LinePath {
                key: series.key,
                path: path.trim_end().to_string(),
                dots,
            }
        })
        .collect();
    let ticks = (top_value / step).round() as usize;
    let y_ticks = (0..=ticks)
        .map(|tick| {
            let value = step * tick as f64;
            Tick {
                at: y(value),
                label: compact(value),
            }
        })
        .collect();
    let every = count.div_ceil(6).max(1);
    let x_ticks = data
        .labels
        .iter()
        .enumerate()
        .filter(|(index, _)| index % every == 0)
        .map(|(index, label)| Tick {
            at: x(index),
            label: label.clone(),
        })
        .collect();
    ChartLayout {
        lines,
        y_ticks,
        x_ticks,
        area: (left, top, right, bottom),
    }
}

/// A line chart with its title, description, legend and data table.
#[component]
pub fn LineChart(
    /// What to draw; the chart redraws when it changes.
    #[prop(into)]
    data: Signal<ChartData>,
) -> impl IntoView {
    let ids = super::super::widgets::unique_id("chart");
    let title_id = format!("{ids}-title");
    let description_id = format!("{ids}-desc");
    let geometry = Memo::new(move |_| data.with(layout));
    let labelled = format!("{title_id} {description_id}");
    view! {
        <figure class="dashboard__chart">
            <svg
                class="chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby=labelled
                preserveAspectRatio="xMidYMid meet"
            >
                <title id=title_id>{move || data.with(|data| data.title.clone())}</title>
                <desc id=description_id>{move || data.with(|data| data.description.clone())}</desc>
                {move || {
                    let geometry = geometry.get();
                    let (left, top, right, bottom) = geometry.area;
                    let unit = data.with(|data| data.unit.clone());
                    view! {
                        <g class="chart__grid" aria-hidden="true">
                            {geometry
                                .y_ticks
                                .iter()
                                .map(|tick| {
                                    view! {
                                        <line class="chart__gridline" x1=left x2=right y1=tick.at y2=tick.at />
                                        <text class="chart__tick" x=left - 6.0 y=tick.at + 4.0 text-anchor="end">
                                            {tick.label.clone()}
                                        </text>
                                    }
                                })
                                .collect_view()}
                            {geometry
                                .x_ticks
                                .iter()
                                .map(|tick| {
                                    view! {
                                        <text class="chart__tick" x=tick.at y=bottom + 18.0 text-anchor="middle">
                                            {tick.label.clone()}
                                        </text>
                                    }
                                })
                                .collect_view()}
                            <line class="chart__axis" x1=left x2=right y1=bottom y2=bottom />
                            <line class="chart__axis" x1=left x2=left y1=top y2=bottom />
                            <text class="chart__tick" x=4.0 y=top + 4.0>{unit}</text>
                        </g>
                        <g aria-hidden="true">
                            {geometry
                                .lines
                                .into_iter()
                                .map(|line| {
                                    let class = format!("chart__line chart__line--{}", line.key);
                                    let dot_class = format!("chart__dot chart__dot--{}", line.key);
                                    view! {
                                        <path class=class d=line.path fill="none" />
                                        {line
                                            .dots
                                            .into_iter()
                                            .map(|(cx, cy)| view! { <circle class=dot_class.clone() cx=cx cy=cy r="5" /> })
                                            .collect_view()}
                                    }
                                })
                                .collect_view()}
                        </g>
                    }
                }}
            </svg>
            <figcaption class="chart__legend">
                {move || {
                    data.with(|data| {
                        data.series
                            .iter()
                            .map(|series| {
                                let swatch = format!("chart__swatch chart__swatch--{}", series.key);
                                view! {
                                    <span class="chart__legend-item">
                                        <span class=swatch aria-hidden="true"></span>
                                        {series.name.clone()}
                                    </span>
                                }
                            })
                            .collect_view()
                    })
                }}
            </figcaption>
            <details class="chart__data">
                <summary>{move || data.with(|data| format!("{}: data table", data.title))}</summary>
                // Focusable, so the keyboard can scroll it on a narrow screen.
                <div
                    class="table-scroll"
                    tabindex="0"
                    role="region"
                    aria-label=move || data.with(|data| format!("{}: data table", data.title))
                >
                    <table class="table">
                        <caption class="visually-hidden">{move || data.with(|data| data.title.clone())}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || data.with(|data| data.label_heading.clone())}</th>
                                {move || {
                                    data.with(|data| {
                                        data.series
                                            .iter()
                                            .map(|series| view! { <th scope="col" class="numeric">{series.name.clone()}</th> })
                                            .collect_view()
                                    })
                                }}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                data.with(|data| {
                                    data.labels
                                        .iter()
                                        .enumerate()
                                        .map(|(index, label)| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{label.clone()}</th>
                                                    {data
                                                        .series
                                                        .iter()
                                                        .map(|series| {
                                                            let text = series
                                                                .texts
                                                                .get(index)
                                                                .cloned()
                                                                .flatten()
                                                                .unwrap_or_else(|| "—".to_string());
                                                            view! { <td class="numeric">{text}</td> }
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                            }}
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(values: Vec<Option<f64>>) -> ChartData {
        ChartData {
            title: "Work".to_string(),
            description: "Hours".to_string(),
            labels: (0..values.len()).map(|index| index.to_string()).collect(),
            label_heading: "Week of".to_string(),
            unit: "h".to_string(),
            series: vec![ChartSeries {
                name: "Done".to_string(),
                key: "done",
                texts: vec![None; values.len()],
                values,
            }],
        }
    }

    #[test]
    fn a_run_of_values_is_a_line_and_a_lone_value_a_dot() {
        let geometry = layout(&data(vec![Some(0.0), Some(40.0), None, Some(10.0)]));
        let line = &geometry.lines[0];
        assert!(line.path.starts_with("M64.0,232.0 L"));
        assert_eq!(line.dots.len(), 1);
        let labels: Vec<&str> = geometry
            .y_ticks
            .iter()
            .map(|tick| tick.label.as_str())
            .collect();
        assert_eq!(labels, vec!["0", "10", "20", "30", "40"]);
    }

    #[test]
    fn an_empty_chart_still_has_an_axis() {
        let geometry = layout(&data(vec![None, None]));
        assert!(geometry.lines[0].path.is_empty());
        assert_eq!(geometry.y_ticks.len(), 2);
    }
}
