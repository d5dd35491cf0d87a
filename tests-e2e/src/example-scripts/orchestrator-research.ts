import type { Conversation } from './conversation.js';
import { type ExampleScript, say, unexpected } from './example-script.js';

const plan = JSON.stringify(
  [
    {
      task: 'Summarise the evidence from four-day-week trials (UK 2022, Iceland, others) on productivity and output in knowledge-work companies.',
    },
    {
      task: 'Estimate the practical costs of a 32-hour week for a 40-person software company: customer support coverage, on-call rotation, meetings and scheduling.',
    },
    {
      task: 'Find what is known about the effect of a four-day week on hiring, retention and sick leave in small tech companies.',
    },
  ],
  null,
  2,
);

const productivity = `- The UK pilot (2022, 61 companies, about 2,900 staff) reported revenue roughly flat to slightly up during the trial; 56 of 61 companies continued afterwards.
- Iceland's public-sector trials (2015-2019, about 2,500 workers) found productivity maintained or improved in most workplaces.
- Most gains came from cutting meetings and interruptions, not from working faster.
- Evidence is mostly self-reported and from companies that volunteered, so it is likely biased upwards.
- Few trials measured software output specifically; the evidence for engineering teams is thin.`;

const costs = `- Support and on-call need cover five days a week: staggered days off (half Monday, half Friday) avoid gaps without new hires.
- With 40 people, a staggered schedule leaves about 32 people in on any weekday, which small teams feel in reviews and handovers.
- Meetings must fit into four days; companies in trials cut recurring meetings by 25-50%.
- Salary cost is unchanged; the risk is overtime or contractors if output drops, so the trial needs a clear output measure.
- Tooling cost is small: a shared calendar of days off and an updated on-call rota.`;

const hiring = `- In the UK pilot, staff leaving fell by about 57% during the trial, and sick days fell by about 65%.
- Job ads mentioning a four-day week receive markedly more applicants in tech hiring surveys, though figures vary by source.
- For a 40-person company, replacing one engineer costs roughly 3-6 months of salary, so even two fewer departures a year matter.
- Retention effects were measured over 6-12 months only; long-term effects are unknown.
- Small-company data is thin; most numbers come from mixed-size cohorts.`;

const memo = `**Decision memo: a six-month four-day-week trial**

**What the evidence says.** Large trials (UK 2022, Iceland) found output held steady or improved, mostly because companies cut meetings and interruptions. The data is self-reported and from volunteer companies, and says little about software teams specifically.

**What it would cost us.** Salaries stay the same. Support and on-call can be covered by staggering days off (half the team off Monday, half Friday), leaving about 32 people in each day. Recurring meetings would need to shrink by a quarter or more.

**What we could gain.** In the UK pilot, departures fell by about 57% and sick days by about 65%. With replacement costing 3-6 months of salary per engineer, two fewer departures a year would more than pay for the effort of the trial.

**Risks.** Output could drop in ways we only notice late, and the retention effect is measured over months, not years.

**Recommendation.** Run the six-month trial with staggered days off, and agree before it starts on two or three output measures (for example, cycle time and support response time) that decide whether it continues.

**First step.** Ask each team lead to propose its output measures and its day-off rota within two weeks.`;

/** A worker's answer, by the subject of its task (workers run concurrently, so order tells nothing). */
function research(conversation: Conversation) {
  const task = conversation.input;
  if (/productivity/i.test(task)) return say(conversation, productivity);
  if (/costs|coverage/i.test(task)) return say(conversation, costs);
  if (/hiring|retention/i.test(task)) return say(conversation, hiring);
  return unexpected(conversation);
}

function answer(conversation: Conversation) {
  const input = conversation.input;
  if (input.startsWith('Break the work into independent subtasks')) return say(conversation, plan);
  if (input.startsWith('Write a decision memo')) return say(conversation, memo);
  return research(conversation);
}

/** `examples/orchestrator-research.yaml`: a plan of three tasks, three concurrent workers, a memo. */
export const orchestratorResearch: ExampleScript = {
  name: 'orchestrator-research',
  providers: ['ollama'],
  answer,
  modelCalls: 5,
  artifacts: ['decision-memo.md'],
  resultContains: '**Recommendation.** Run the six-month trial',
};
