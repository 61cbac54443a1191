use partnership_planner::model::{decode, merge::merge, Plan};
use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string("/tmp/large.json").unwrap();
    let mine: Plan = decode(&text).unwrap().plan;
    let mut theirs = mine.clone();
    for a in theirs.actions.iter_mut().take(200) {
        a.what.push_str(" x");
    }
    let t = Instant::now();
    let m = merge(&mine, &theirs, None);
    println!(
        "merge {:?} changes {} conflicts {}",
        t.elapsed(),
        m.changes.len(),
        m.conflicts.len()
    );
    let t = Instant::now();
    let p = m.resolve(&[], 1, || "n".into()).unwrap();
    println!("resolve {:?}", t.elapsed());
    let t = Instant::now();
    let _ = p == mine;
    println!("eq {:?}", t.elapsed());
}
