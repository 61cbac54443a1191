//! Placeholder for sections whose screens are not built yet: the heading and the seed's
//! question, so the plan's structure is visible from the start.

use leptos::prelude::*;

use super::widgets::SectionHeading;
use crate::content::Section;

#[component]
pub fn ComingSoon(section: Section) -> impl IntoView {
    view! {
        <SectionHeading section/>
        <p class="coming-soon">"This section is coming soon."</p>
    }
}
