// A large, valid plan for the benchmark, generated from a seed: the same seed and scale always
// give the same bytes.
//
//   import { largePlan } from './large-plan.mjs';
//   const envelope = largePlan({ seed: 1, scale: 1 });
//
//   node tests/bench/large-plan.mjs [--seed N] [--scale N] [--compact] > /tmp/large.json
//
// At scale 1: 500 member organizations, 60 goals (3 strategies each), 2,000 action items, long
// answers to every question of every section, every checklist item and health score, and
// smaller lists (networks, roles, subgroups, funding, resources): about 1.95 MB of compact JSON
// (what the app stores) and 2.3 MB pretty-printed (what an export looks like). Every list, and
// the length of every answer, grows with `scale`, so the file grows linearly with it.
//
// Values are the ones the model accepts (src/model/kinds.rs, items.rs, rules.rs): vocabulary
// keys, YYYY-MM-DD dates, whole-dollar amounts, references to existing members and goals,
// answers keyed by the ids in src/content/questions.rs. The benchmark imports the file through
// the app, so a value the app refuses makes the bench fail with the app's own message.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The toolkit's questions (src/content/questions.rs); ids never change. Choice questions are
// answered with one of their option keys.
const TEXT_QUESTIONS = [
  'define.definition', 'define.vision', 'define.mission', 'define.need', 'define.scope',
  'define.relations', 'functions.other', 'membership.criteria', 'membership.missing',
  'membership.networks', 'leadership.quorum', 'leadership.agenda', 'management.assess',
  'management.data', 'management.methods', 'management.review', 'funding.approach',
  'funding.available', 'trust.define', 'trust.build', 'trust.conflict_informal',
  'trust.conflict_formal', 'trust.communication', 'trust.meetings', 'trust.continuity',
  'survivors.stages', 'survivors.compensation', 'survivors.tokenism',
];
const CHOICE_QUESTIONS = {
  'define.integration': ['networking', 'cooperation', 'coordination', 'coalition', 'collaboration'],
  'define.model': ['co_led', 'single_leader', 'bifurcated', 'other'],
  'leadership.decisions': ['consensus', 'vote', 'consensus_then_vote', 'leaders'],
};
// src/content/guidance.rs
const CHECKS = [
  'survivors.area.mission', 'survivors.area.programs', 'survivors.area.referrals',
  'survivors.area.outreach', 'survivors.area.fundraising', 'survivors.area.staffing',
  'survivors.principle.safety', 'survivors.principle.trust', 'survivors.principle.peer',
  'survivors.principle.collaboration', 'survivors.principle.empowerment', 'survivors.principle.culture',
];
const SCORES = [
  'health.environment.history', 'health.environment.standing', 'health.membership.respect',
  'health.membership.mix', 'health.process.roles', 'health.process.flexible',
  'health.communication.open', 'health.communication.informal', 'health.purpose.goals',
  'health.purpose.vision', 'health.resources.enough', 'health.resources.leadership',
];
// src/model/kinds.rs and src/content/mod.rs
const FUNCTIONS = [
  'strategic_coordination', 'operational_coordination', 'share_information', 'raise_awareness',
  'involve_community', 'survivor_engagement',
];
const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership'];
const SECTORS = [
  'law_enforcement', 'federal_law_enforcement', 'prosecution', 'victim_services',
  'domestic_violence', 'sexual_assault', 'child_abuse', 'child_welfare', 'human_services',
  'health_care', 'first_responders', 'legal_services', 'immigrant', 'labor', 'homelessness',
  'juvenile_justice', 'community_advocates', 'survivor_led', 'faith_based', 'business',
  'education', 'tribal', 'other',
];
const MEMBER_STATUSES = ['identified', 'invited', 'committed', 'mou_signed'];
const NETWORK_KINDS = ['mdt', 'sart', 'coalition', 'other'];
const ROLE_KINDS = [
  'coordinator', 'facilitator', 'chairperson', 'fiscal_agent', 'subject_matter_expert',
  'member_agency_leadership',
];
const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'done'];
const FUNDING_KINDS = ['federal_grant', 'state', 'foundation', 'corporate', 'member_dues', 'in_kind', 'other'];
const FUNDING_STATUSES = ['planned', 'applied', 'committed', 'received', 'declined'];
const SECTION_SLUGS = [
  'define', 'functions', 'membership', 'leadership', 'management', 'funding', 'trust', 'survivors',
];

const WORDS = (
  'partnership members agency county shelter clinic sheriff training referral protocol survivors ' +
  'services labor trafficking prevention protection prosecution coalition meeting quarterly ' +
  'monthly advocates interpreters housing outreach screening investigators prosecutors youth ' +
  'schools employers hotels farms workers community faith leaders funding grant evaluation data ' +
  'survey trust conflict communication continuity backup agreement memorandum understanding ' +
  'trauma informed safety confidentiality consent stipend advisory review plan goal strategy ' +
  'action deadline resources barriers inform coordinator facilitator chairperson fiscal agent ' +
  'network region township state council liaison report share information awareness campaign ' +
  'volunteers hotline case management legal aid immigration health care mental transport ' +
  'childcare language access rural urban tribal nation public library transit station ' +
  'together clearly every each before after during within across between including without'
).split(' ');
const FIRST = ['Alex', 'Jordan', 'Sam', 'Riley', 'Casey', 'Morgan', 'Taylor', 'Jamie', 'Avery', 'Quinn', 'Rowan', 'Drew'];
const LAST = ['Placeholder', 'Sample', 'Testperson', 'Example', 'Fictional', 'Demo', 'Mockwell', 'Standin'];
const ORG_KIND = ['Shelter', 'Clinic', 'Sheriff\'s Office', 'Legal Aid', 'Youth Center', 'School District',
  'Labor Council', 'Health Department', 'Food Bank', 'Faith Network', 'Workers\' Center', 'Foundation'];
const PLACES = ['Harbor', 'Riverbend', 'Pine Ridge', 'Cedar', 'Granite', 'Willow', 'Mesa', 'Lakeside',
  'Aspen', 'Juniper', 'Red Rock', 'Sagebrush', 'Clearwater', 'Bluebird', 'High Plains', 'Canyon'];

const DAY = 86_400_000;
/** 2026-01-01T00:00:00Z: every time in the plan is a fixed offset from here, not from now. */
const EPOCH = Date.UTC(2026, 0, 1);

/**
 * The envelope of a large plan: `{ format, schema_version, app_version, saved_at, plan }`.
 * `seed` picks the text and values; `scale` (a positive integer) multiplies every list and the
 * length of every answer.
 */
export function largePlan({ seed = 1, scale = 1 } = {}) {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, not ${scale}`);
  const rand = mulberry32(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (xs) => xs[int(xs.length)];
  const hex = (n) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  // Ids look like the app's own: 128 random bits as hex.
  const newId = () => hex(32);
  let clock = EPOCH;
  const tick = () => (clock += 1 + int(60_000));
  const sentence = (words) => {
    const w = Array.from({ length: words }, () => pick(WORDS));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(' ') + pick(['.', '.', '.', ';', ',', ' (fictional).']);
  };
  /** Roughly `chars` characters of sentences. */
  const prose = (chars) => {
    const out = [];
    let len = 0;
    while (len < chars) {
      const s = sentence(6 + int(14));
      out.push(s);
      len += s.length + 1;
    }
    return out.join(' ');
  };
  const date = (fromDay, spanDays) => new Date(EPOCH + (fromDay + int(spanDays)) * DAY).toISOString().slice(0, 10);
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const somePillars = () => PILLARS.filter(() => rand() < 0.4);

  const n = (base) => base * scale;

  const answers = {};
  for (const id of TEXT_QUESTIONS) answers[id] = { text: prose(n(4_000) + int(2_000)), modified: tick() };
  for (const [id, options] of Object.entries(CHOICE_QUESTIONS)) answers[id] = { text: pick(options), modified: tick() };
  // serde_json's preserve_order keeps insertion order; the app writes answers sorted by id.
  const sortedAnswers = Object.fromEntries(Object.keys(answers).sort().map((k) => [k, answers[k]]));

  const functions = FUNCTIONS.map((id) => ({
    id,
    selected: rand() < 0.8,
    modified: tick(),
    note: prose(200 + int(200)),
    pillars: somePillars(),
  }));

  const members = Array.from({ length: n(500) }, (_, i) => {
    const first = person();
    return {
      id: newId(),
      modified: tick(),
      name: `${pick(PLACES)} ${pick(ORG_KIND)} ${i + 1} (fictional)`,
      sector: rand() < 0.95 ? pick(SECTORS) : null,
      contact: first,
      email: `${first.toLowerCase().replace(' ', '.')}@example.org`,
      phone: `555-${String(int(10_000)).padStart(4, '0')}`,
      status: pick(MEMBER_STATUSES),
      pillars: somePillars(),
      brings: prose(120 + int(200)),
      needs: prose(60 + int(140)),
    };
  });
  const memberId = () => pick(members).id;

  const networks = Array.from({ length: n(20) }, () => ({
    id: newId(),
    modified: tick(),
    name: `${pick(PLACES)} ${pick(['MDT', 'SART', 'Coalition', 'Task Force'])} (fictional)`,
    kind: pick(NETWORK_KINDS),
    note: prose(150 + int(250)),
  }));

  const roles = Array.from({ length: n(30) }, () => ({
    id: newId(),
    modified: tick(),
    role: pick(ROLE_KINDS),
    member: rand() < 0.9 ? memberId() : null,
    person: person(),
    description: prose(150 + int(250)),
    term: pick(['One year.', 'Two years, renewable once.', 'Until the grant ends.', '']),
  }));

  const subgroups = Array.from({ length: n(20) }, () => ({
    id: newId(),
    modified: tick(),
    name: `${pick(['Labor', 'Youth', 'Training', 'Victim services', 'Data', 'Outreach'])} committee ${int(100)}`,
    focus: prose(60 + int(80)),
    lead: memberId(),
    members: [...new Set(Array.from({ length: 4 + int(12) }, memberId))],
  }));

  const goals = Array.from({ length: n(60) }, () => ({
    id: newId(),
    modified: tick(),
    title: prose(120 + int(160)),
    specific: rand() < 0.8,
    measurable: rand() < 0.7,
    achievable: rand() < 0.7,
    relevant: rand() < 0.9,
    time_bound: rand() < 0.6,
  }));
  const goalId = () => pick(goals).id;

  const strategies = goals.flatMap((g) =>
    Array.from({ length: 3 }, () => ({ id: newId(), modified: tick(), goal: g.id, text: prose(150 + int(150)) })),
  );

  const actions = Array.from({ length: n(2_000) }, () => ({
    id: newId(),
    modified: tick(),
    what: prose(40 + int(90)),
    goal: rand() < 0.85 ? goalId() : null,
    owner: rand() < 0.9 ? memberId() : null,
    due: rand() < 0.9 ? date(-200, 900) : null,
    status: pick(ACTION_STATUSES),
    resources: prose(30 + int(100)),
    barriers: prose(30 + int(100)),
    inform: pick(['All members', 'Co-chairs', 'The coordinator', 'Survivor advisory group', '']),
  }));

  const funding = Array.from({ length: n(40) }, () => ({
    id: newId(),
    modified: tick(),
    name: `${pick(PLACES)} ${pick(['Community Foundation', 'State grant', 'Federal program', 'Business partners', 'Member dues'])} (fictional)`,
    kind: pick(FUNDING_KINDS),
    amount: int(200) * 5_000,
    status: pick(FUNDING_STATUSES),
    deadline: rand() < 0.7 ? date(0, 700) : null,
    fiscal_agent: rand() < 0.6 ? memberId() : null,
  }));

  const resources = Array.from({ length: n(40) }, (_, i) => ({
    id: newId(),
    modified: tick(),
    title: `Shared document ${i + 1}: ${sentence(4)}`,
    url: rand() < 0.9 ? `https://example.org/docs/${hex(8)}` : `mailto:coordinator${i}@example.org`,
    note: prose(60 + int(140)),
    section: rand() < 0.7 ? pick(SECTION_SLUGS) : null,
  }));

  const checks = Object.fromEntries(CHECKS.map((id) => [id, { done: rand() < 0.6, modified: tick() }]));
  const scores = Object.fromEntries(SCORES.map((id) => [id, { value: 1 + int(5), modified: tick() }]));

  const plan = {
    id: `bench-large-plan-seed${seed}-x${scale}`,
    name: `Bench Valley Anti-Trafficking Partnership (generated, x${scale})`,
    created: EPOCH,
    modified: tick(),
    answers: sortedAnswers,
    functions,
    members,
    networks,
    roles,
    subgroups,
    goals,
    strategies,
    actions,
    funding,
    resources,
    checks,
    scores,
  };
  return {
    format: 'partnership-plan',
    schema_version: 1,
    app_version: 'bench',
    saved_at: new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    plan,
  };
}

/** The storage keys (src/storage/local.rs) that make `envelope` the open plan at start-up. */
export function storageEntries(envelope, revision = 1) {
  const { plan } = envelope;
  const library = {
    open: plan.id,
    plans: [{ id: plan.id, name: plan.name, modified: plan.modified, saved: plan.modified, exported: null }],
  };
  return {
    'partnership-planner:library': JSON.stringify(library),
    [`partnership-planner:plan:${plan.id}`]: JSON.stringify(envelope),
    [`partnership-planner:revision:${plan.id}`]: String(revision),
  };
}

// CLI: print the envelope (pretty, like an exported file; --compact for the stored form).
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const envelope = largePlan({ seed: opt('--seed', 1), scale: opt('--scale', 1) });
  process.stdout.on('error', (e) => (e.code === 'EPIPE' ? process.exit(0) : Promise.reject(e))); // `| head`
  process.stdout.write(
    (args.includes('--compact') ? JSON.stringify(envelope) : JSON.stringify(envelope, null, 2)) + '\n',
  );
}
