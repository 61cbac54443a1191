//! The app's own charts, drawn as SVG in the page (no chart library, nothing to download, no
//! inline styles: colours come from the stylesheet's classes). Each chart is an image with a
//! name (`role="img"`, `aria-label` saying what it shows) and its numbers in a table under it,
//! so nothing is said only by the drawing, and everything prints. Where the bars go is
//! `model::charts`; what is counted is `model::rules`.

use leptos::prelude::*;

use crate::lang::tr;

use crate::model::charts::{centred, scale, stack};
use crate::model::kinds::{Pillar, Sector};
use crate::model::rules::{dollars, CategoryScore, FundingTotals, Month, Stage};

/// A chart with its caption and its numbers: `figure > figcaption, svg, table`.
fn figure(
    kind: &'static str,
    caption: &'static str,
    summary: String,
    view_box: String,
    drawing: AnyView,
    numbers: AnyView,
) -> impl IntoView {
    view! {
        <figure class={format!("chart chart-{kind}")}>
            <figcaption>{caption}</figcaption>
            <svg role="img" aria-label={format!("{caption}: {summary}")} viewBox=view_box
                class="chart-drawing" preserveAspectRatio="xMinYMin meet">
                {drawing}
            </svg>
            {numbers}
        </figure>
    }
}

/// The hatching that marks overdue (and sought) bars without relying on colour.
fn hatch(id: String, class: &'static str) -> impl IntoView {
    view! {
        <pattern id=id width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class=class></rect>
            <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line>
        </pattern>
    }
}

/// The membership pipeline as a funnel: each step's bar is as wide as the members who reached it.
pub fn funnel(stages: &[Stage]) -> impl IntoView {
    let max = stages.first().map_or(0, |s| s.reached) as u64;
    const LABEL: u32 = 120;
    const FULL: u32 = 220;
    const ROW: u32 = 26;
    let bars = stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (x, w) = centred(s.reached as u64, max, FULL);
            let y = i as u32 * ROW;
            view! {
                <text x="0" y=y + 16 class="chart-label">{format!("{}: {}", tr(s.status.label()), s.reached)}</text>
                <rect x=LABEL + x y=y + 2 width=w height=ROW - 6 class={format!("funnel-{i}")}></rect>
            }
        })
        .collect_view();
    let summary = stages
        .iter()
        .map(|s| {
            crate::trn!(
                s.reached,
                "{n} reached {status}",
                "{n} reached {status}",
                status = tr(s.status.label())
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let rows = stages
        .iter()
        .map(|s| {
            view! {
                <tr><th scope="row">{tr(s.status.label())}</th><td>{s.at}</td><td>{s.reached}</td></tr>
            }
        })
        .collect_view();
    let numbers = view! {
        <table class="chart-data">
            <caption>{tr("Members at each step, and members who have reached it")}</caption>
            <thead><tr>
                <th scope="col">{tr("Step")}</th>
                <th scope="col">{tr("At this step")}</th>
                <th scope="col">{tr("Reached it")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    };
    figure(
        "funnel",
        tr("Membership pipeline"),
        summary,
        format!("0 0 {} {}", LABEL + FULL, stages.len() as u32 * ROW),
        bars.into_any(),
        numbers.into_any(),
    )
}

/// Action items by due month: done, open and overdue stacked; overdue is hatched and marked "!".
pub fn timeline(months: &[Month], id: &str) -> impl IntoView {
    const COL: u32 = 34;
    const H: u32 = 120;
    let max = months
        .iter()
        .map(|m| (m.done + m.open + m.overdue) as u64)
        .max()
        .unwrap_or(0);
    let pattern = format!("{id}-hatch");
    let fill = format!("url(#{pattern})");
    let columns = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = i as u32 * COL + 4;
            let parts = stack(
                &[m.done as u64, m.open as u64, m.overdue as u64],
                max,
                x,
                COL - 8,
                H,
            );
            // The overdue part's fill is the hatching (its class sets no fill of its own).
            let classes = ["c-done", "c-open", "hatched"];
            let rects = parts
                .into_iter()
                .zip(classes)
                .filter_map(|(r, class)| {
                    let r = r?;
                    let fill = (class == "hatched").then(|| fill.clone());
                    Some(view! { <rect x=r.x y=r.y width=r.w height=r.h class=class fill=fill></rect> })
                })
                .collect_view();
            let top = H - scale((m.done + m.open + m.overdue) as u64, max, H);
            let label = m.label.replace(' ', "\u{a0}");
            let (word, year) = label.split_once('\u{a0}').unwrap_or((&label, ""));
            view! {
                {rects}
                {(m.overdue > 0).then(|| view! {
                    <text x=x + (COL - 8) / 2 y=top.saturating_sub(3).max(10) text-anchor="middle" class="chart-label overdue-mark">"!"</text>
                })}
                <text x=x + (COL - 8) / 2 y=H + 13 text-anchor="middle" class="chart-label">{word.to_owned()}</text>
                <text x=x + (COL - 8) / 2 y=H + 25 text-anchor="middle" class="chart-label">{year.to_owned()}</text>
            }
        })
        .collect_view();
    let overdue: usize = months.iter().map(|m| m.overdue).sum();
    let summary = crate::trn!(
        months
            .iter()
            .map(|m| m.done + m.open + m.overdue)
            .sum::<usize>(),
        "{n} action item with a due date over {columns} columns; {overdue} overdue",
        "{n} action items with a due date over {columns} columns; {overdue} overdue",
        columns = months.len(),
        overdue = overdue
    );
    let rows = months
        .iter()
        .map(|m| {
            view! {
                <tr class:row-overdue={m.overdue > 0}>
                    <th scope="row">{m.label.clone()}</th><td>{m.done}</td><td>{m.open}</td>
                    <td>{if m.overdue > 0 { crate::trn!(m.overdue, "{n} overdue", "{n} overdue") } else { "0".to_owned() }}</td>
                </tr>
            }
        })
        .collect_view();
    let numbers = view! {
        <ul class="legend" aria-hidden="true">
            <li><span class="swatch c-done"></span>{crate::trc!("count", "Done")}</li>
            <li><span class="swatch c-open"></span>{crate::trc!("count", "Open")}</li>
            <li><span class="swatch swatch-hatched"></span>{tr("Overdue (hatched, marked !)")}</li>
        </ul>
        <table class="chart-data">
            <caption>{tr("Action items by due month")}</caption>
            <thead><tr>
                <th scope="col">{tr("Due")}</th>
                <th scope="col">{crate::trc!("count", "Done")}</th>
                <th scope="col">{crate::trc!("count", "Open")}</th>
                <th scope="col">{crate::trc!("count", "Overdue")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    };
    let drawing = view! {
        <defs>{hatch(pattern, "c-overdue")}</defs>
        <line x1="0" y1=H x2=months.len() as u32 * COL y2=H class="axis"></line>
        {columns}
    };
    figure(
        "timeline",
        tr("Action-item timeline"),
        summary,
        format!("0 0 {} {}", (months.len() as u32 * COL).max(COL), H + 28),
        drawing.into_any(),
        numbers.into_any(),
    )
}

/// A sector's name as a row label: the words before any explanation in brackets.
fn short_sector(s: Sector) -> &'static str {
    let label = tr(s.label());
    label.split(" (").next().unwrap_or(label)
}

/// Sectors × the 4 Ps: committed members of each sector serving each P; an empty cell is a dash.
pub fn coverage_grid(rows: &[(Sector, [usize; 4])]) -> impl IntoView {
    const LABEL: u32 = 190;
    const CELL: u32 = 72;
    const ROW: u32 = 22;
    let top = 20;
    let heads = Pillar::ALL
        .iter()
        .enumerate()
        .map(|(j, p)| {
            view! {
                <text x=LABEL + j as u32 * CELL + CELL / 2 y="14" text-anchor="middle" class="chart-label">
                    {tr(p.label())}
                </text>
            }
        })
        .collect_view();
    let cells = rows
        .iter()
        .enumerate()
        .map(|(i, (sector, counts))| {
            let y = top + i as u32 * ROW;
            let cells = counts
                .iter()
                .enumerate()
                .map(|(j, &n)| {
                    let x = LABEL + j as u32 * CELL;
                    let level = match n {
                        0 => "cell-0",
                        1 => "cell-1",
                        _ => "cell-2",
                    };
                    view! {
                        <rect x=x + 1 y=y + 1 width=CELL - 2 height=ROW - 2 class=level></rect>
                        <text x=x + CELL / 2 y=y + 15 text-anchor="middle" class={format!("chart-label {level}-text")}>
                            {if n == 0 { "–".to_owned() } else { n.to_string() }}
                        </text>
                    }
                })
                .collect_view();
            view! {
                <text x="0" y=y + 15 class="chart-label">{short_sector(*sector)}</text>
                {cells}
            }
        })
        .collect_view();
    let gaps: usize = rows
        .iter()
        .map(|r| r.1.iter().filter(|&&n| n == 0).count())
        .sum();
    let summary = crate::trn!(
        rows.len(),
        "{n} sector with members, {gaps} empty cells of {cells}",
        "{n} sectors with members, {gaps} empty cells of {cells}",
        gaps = gaps,
        cells = rows.len() * 4
    );
    let body = rows
        .iter()
        .map(|(sector, counts)| {
            view! {
                <tr>
                    <th scope="row">{tr(sector.label())}</th>
                    {counts.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let numbers = view! {
        <table class="chart-data">
            <caption>{tr("Committed members of each sector serving each P")}</caption>
            <thead><tr>
                <th scope="col">{tr("Sector")}</th>
                {Pillar::ALL.iter().map(|p| view! { <th scope="col">{tr(p.label())}</th> }).collect_view()}
            </tr></thead>
            <tbody>{body}</tbody>
        </table>
    };
    figure(
        "grid",
        tr("Sectors and the 4 Ps"),
        summary,
        format!(
            "0 0 {} {}",
            LABEL + 4 * CELL,
            top + (rows.len() as u32).max(1) * ROW
        ),
        view! { {heads} {cells} }.into_any(),
        numbers.into_any(),
    )
}

/// A category's average in words: "3.5 of 5", or "not scored".
fn score_text(c: &CategoryScore) -> String {
    c.average().map_or_else(
        || tr("not scored").to_owned(),
        |a| crate::tr!("{average} of 5", average = a),
    )
}

/// The self-check's average per category, on a 1 to 5 scale.
pub fn self_check(categories: &[CategoryScore]) -> impl IntoView {
    const LABEL: u32 = 150;
    const FULL: u32 = 200;
    const ROW: u32 = 24;
    let bars = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let y = i as u32 * ROW;
            let w = c.tenths().map_or(0, |t| scale(t, 50, FULL));
            let text = score_text(c);
            view! {
                <text x="0" y=y + 16 class="chart-label">{tr(c.category)}</text>
                <rect x=LABEL y=y + 3 width=FULL height=ROW - 6 class="track"></rect>
                <rect x=LABEL y=y + 3 width=w height=ROW - 6 class="c-score"></rect>
                <text x=LABEL + FULL + 6 y=y + 16 class="chart-label">{text}</text>
            }
        })
        .collect_view();
    let summary = categories
        .iter()
        .map(|c| format!("{} {}", tr(c.category), score_text(c)))
        .collect::<Vec<_>>()
        .join(", ");
    let rows = categories
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{tr(c.category)}</th>
                    <td>{score_text(c)}</td>
                    <td>{crate::tr!("{done} of {total}", done = c.scored, total = c.statements)}</td>
                </tr>
            }
        })
        .collect_view();
    let numbers = view! {
        <table class="chart-data">
            <caption>{tr("Self-check averages by category")}</caption>
            <thead><tr>
                <th scope="col">{tr("Category")}</th>
                <th scope="col">{tr("Average")}</th>
                <th scope="col">{tr("Statements scored")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    };
    figure(
        "self-check",
        tr("Self-check by category"),
        summary,
        format!(
            "0 0 {} {}",
            LABEL + FULL + 70,
            categories.len() as u32 * ROW
        ),
        bars.into_any(),
        numbers.into_any(),
    )
}

/// Funding committed (solid) beside funding sought (hatched), on one scale.
pub fn funding(t: FundingTotals, id: &str) -> impl IntoView {
    const LABEL: u32 = 110;
    const FULL: u32 = 250;
    let max = t.committed.max(t.pending);
    let pattern = format!("{id}-sought");
    let rows = [
        (crate::en!("Committed"), t.committed, "c-committed", None),
        (
            crate::en!("Sought"),
            t.pending,
            "hatched",
            Some(format!("url(#{pattern})")),
        ),
    ];
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, amount, class, fill))| {
            let y = i as u32 * 30;
            view! {
                <text x="0" y=y + 18 class="chart-label">{tr(*label)}</text>
                <rect x=LABEL y=y + 4 width=scale(*amount, max, FULL) height="20" class=*class fill=fill.clone()></rect>
            }
        })
        .collect_view();
    let numbers = view! {
        <table class="chart-data">
            <caption>{tr("Funding in US dollars")}</caption>
            <tbody>
                <tr><th scope="row">{tr("Committed or received")}</th><td>{dollars(t.committed)}</td></tr>
                <tr><th scope="row">{tr("Sought (planned or applied for)")}</th><td>{dollars(t.pending)}</td></tr>
            </tbody>
        </table>
    };
    figure(
        "funding",
        tr("Funding committed and sought"),
        crate::tr!(
            "{committed} committed, {sought} sought",
            committed = dollars(t.committed),
            sought = dollars(t.pending)
        ),
        format!("0 0 {} 60", LABEL + FULL),
        view! { <defs>{hatch(pattern, "c-sought")}</defs> {bars} }.into_any(),
        numbers.into_any(),
    )
}
