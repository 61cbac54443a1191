//! Resources: Colorado and national contacts with their sources, and the user's own links.

use leptos::prelude::*;

use super::list_editor::ListEditor;
use super::widgets::ResourceItem;
use crate::content::guidance::RESOURCES;
use crate::content::Section;
use crate::lang::tr;
use crate::model::ListKind;

#[component]
pub fn Resources() -> impl IntoView {
    let group = |title: &'static str, section: Option<Section>| {
        let items = RESOURCES
            .iter()
            .filter(|r| r.section == section)
            .map(|resource| view! { <ResourceItem resource/> })
            .collect_view();
        view! {
            <h3>{title}</h3>
            <ul>{items}</ul>
        }
    };
    view! {
        <h1 tabindex="-1">{tr("Resources")}</h1>
        <p>
            {tr("Phone numbers and programs change: each entry says where it comes from and when that \
                 source was last checked. In an emergency, call 911.")}
        </p>
        <h2>{tr("Hotlines")}</h2>
        {group(tr("Colorado and national"), None)}
        <h2>{tr("By section")}</h2>
        {Section::ALL
            .into_iter()
            .filter(|s| RESOURCES.iter().any(|r| r.section == Some(*s)))
            .map(|s| group(s.title(), Some(s))).collect_view()}
        <ListEditor kind=ListKind::Resources/>
    }
}
