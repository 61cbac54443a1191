// A coalition's plan for the views tests: 20 member organizations (at every step of the
// pipeline, in several sectors, with contact details), 40 action items spread over a year
// around today (one of them overdue, deep in the list), key roles partly vacant, funding with
// deadlines ahead, and a scored self-check with two weak categories. Dates are relative to
// today, as the app reads today's date from the clock.
import { waitSaved } from './helpers.mjs';

const T0 = Date.UTC(2026, 0, 1);
const pad = (i) => String(i).padStart(2, '0');
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const OVERDUE = { what: 'Draft the referral protocol', owner: 'Alpha Safe House', id: 'a31' };
export const CONTACT = { name: 'Dana Rivera', email: 'dana.rivera@example.org', phone: '303-555-0142' };
export const NAME = 'Front Range Anti-Trafficking Partnership';

const SECTORS = ['law_enforcement', 'domestic_violence', 'prosecution', 'health_care', 'labor',
  'immigrant', 'child_welfare', 'survivor_led', 'faith_based', 'legal_services'];
const PS = [['prosecution', 'protection'], ['protection'], ['prosecution'], ['prevention', 'protection'],
  ['prevention'], ['protection', 'partnership'], ['protection'], ['partnership', 'prevention'], ['prevention'], ['protection']];

/** Status by position: 6 committed, 3 signed, 4 invited, 7 identified. */
const status = (i) => (i < 6 ? 'committed' : i < 9 ? 'mou_signed' : i < 13 ? 'invited' : 'identified');

export function coalitionPlan() {
  const members = Array.from({ length: 20 }, (_, i) => ({
    id: `m${pad(i + 1)}`,
    modified: T0,
    name: i === 2 ? OVERDUE.owner : `Member Agency ${pad(i + 1)}`,
    // The labor office is only identified: labor is still a missing sector.
    sector: i === 4 ? 'business' : SECTORS[i % SECTORS.length],
    status: status(i),
    pillars: PS[i % PS.length],
    contact: i === 2 ? CONTACT.name : `Contact ${pad(i + 1)}`,
    email: i === 2 ? CONTACT.email : `contact${pad(i + 1)}@example.org`,
    phone: i === 2 ? CONTACT.phone : '',
    // Members 01–08 say what they bring; the ninth party (signed) leaves it blank.
    brings: i < 8 ? `Staff time and referrals from member ${pad(i + 1)}.` : '',
  }));
  const goals = [
    { id: 'g1', modified: T0, title: 'Train 200 patrol officers to recognise labor trafficking' },
    { id: 'g2', modified: T0, title: 'One referral protocol used by every member' },
    { id: 'g3', modified: T0, title: 'Open a survivor advisory group' },
  ];
  const actions = Array.from({ length: 40 }, (_, i) => {
    const n = i + 1;
    // Spread over about four months back to eight ahead; those in the past are done, except
    // the one overdue item.
    const offset = -120 + i * 9;
    const base = {
      id: `a${pad(n)}`, modified: T0, what: `Action item ${pad(n)}`, goal: goals[i % 3].id,
      owner: `m${pad((i % 9) + 1)}`, due: day(offset), status: offset < 0 ? 'done' : 'not_started',
    };
    if (base.id === OVERDUE.id) {
      return { ...base, what: OVERDUE.what, owner: 'm03', due: day(-10), status: 'in_progress' };
    }
    if (n === 32) return { ...base, what: 'Book the training venue', due: day(5), status: 'not_started' };
    return base;
  });
  const funding = [
    { id: 'f1', modified: T0, name: 'Colorado Community Foundation', kind: 'foundation', amount: 25000, status: 'committed' },
    { id: 'f2', modified: T0, name: 'VOCA victim services grant', kind: 'federal_grant', amount: 100000, status: 'applied', deadline: day(20) },
    { id: 'f3', modified: T0, name: 'County human services', kind: 'state', amount: 40000, status: 'planned', deadline: day(45) },
  ];
  const scoreFor = (id) => (id.includes('.resources.') ? 2 : id.includes('.communication.') ? 3 : 4);
  const statements = ['environment.history', 'environment.standing', 'membership.respect', 'membership.mix',
    'process.roles', 'process.flexible', 'communication.open', 'communication.informal', 'purpose.goals',
    'purpose.vision', 'resources.enough', 'resources.leadership'];
  const scores = Object.fromEntries(statements.map((s) => [`health.${s}`, { value: scoreFor(`.${s}`), modified: T0 }]));
  const plan = {
    id: 'coalition-views', name: NAME, created: T0, modified: T0,
    answers: {
      'define.mission': { text: 'We find, protect and support every person trafficked on the Front Range.', modified: T0 },
    },
    members, goals, actions, funding, scores,
    roles: [
      { id: 'r1', modified: T0, role: 'coordinator', member: 'm01', person: 'Sam Okafor' },
      { id: 'r2', modified: T0, role: 'fiscal_agent', member: 'm02' },
      { id: 'r3', modified: T0, role: 'facilitator' },
    ],
  };
  return { format: 'partnership-plan', schema_version: 1, app_version: '0.1.0', saved_at: '2026-01-01T00:00:00Z', plan };
}

/** Opens a fresh profile (`options` for its context) with the coalition's plan imported as a
 *  new plan, at `hash`. */
export async function openCoalition(app, hash = '#/', options = {}) {
  const context = await app.context(options);
  const page = await app.open(context);
  const buffer = Buffer.from(JSON.stringify(coalitionPlan()));
  await page.getByLabel('Import plan', { exact: true }).setInputFiles({ name: 'coalition.json', mimeType: 'application/json', buffer });
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await waitSaved(page);
  if (hash !== '#/') {
    await page.goto(new URL(hash, page.url()).href);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  }
  return { context, page };
}
