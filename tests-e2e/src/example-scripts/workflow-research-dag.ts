import { type ExampleScript, sayByPrefix } from './example-script.js';

const notes = `- Air-source heat pumps move heat from outdoor air into the house; below freezing there is less heat to move, so efficiency drops.
- Cold-climate models keep a coefficient of performance (COP) of about 1.5 to 2 at -20 °C, against 3 to 4 at +5 °C.
- Many cold-climate units keep running down to -25 or -30 °C; below that, a backup heater takes over.
- Outdoor coils frost up and need defrost cycles, which cost energy and briefly stop heating.
- Field studies in Canada, Scandinavia and the northern US report 30 to 60% lower heating energy than electric resistance heating.
- Running costs compared to gas depend on the local electricity-to-gas price ratio.
- Good insulation and correctly sized units matter more in cold climates than in mild ones.
- Norway and Finland have among the highest heat pump ownership per household in Europe.`;

const benefits = `Even in deep cold, a cold-climate heat pump delivers 1.5 to 2 units of heat per unit of electricity, so it beats electric resistance heating at every temperature it runs at; field studies put the saving at 30 to 60% of heating energy.

Across a whole winter, most hours are far milder than the coldest night, so the seasonal efficiency stays high. The Nordic countries, with some of the highest ownership in Europe, show the technology works at scale in cold places.`;

const risks = `Efficiency falls as the air gets colder, and below about -25 °C many units hand over to a backup heater, which is expensive to run on the coldest days. Defrost cycles cost energy and interrupt heating.

Savings against gas are not guaranteed: they depend on the local price of electricity relative to gas. A poorly insulated house or an undersized unit makes every one of these limits worse.`;

const brief = `Cold-climate heat pumps work, and in most cold places they pay off, provided the house and the unit are right for each other.

**Why they make sense.** Even at -20 °C a modern cold-climate unit turns one unit of electricity into 1.5 to 2 units of heat, so it always beats electric resistance heating; real homes in Canada, Scandinavia and the northern US use 30 to 60% less heating energy. Since most winter hours are far milder than the coldest night, seasonal efficiency stays high. Norway and Finland prove the point at scale.

**What to watch.** Below about -25 °C many units lean on a backup heater, and defrost cycles cost energy. Whether running costs beat gas depends on local electricity and gas prices.

**Recommendation.** Insulate first, size the unit for your coldest design temperature, and compare running costs with your own tariffs before deciding.`;

/** `examples/workflow-research-dag.yaml`: gather, two analyses side by side, then a brief. */
export const workflowResearchDag: ExampleScript = {
  name: 'workflow-research-dag',
  providers: ['ollama'],
  answer: sayByPrefix([
    ['Collect notes on:', notes],
    ['From these notes, what are the main benefits', benefits],
    ['From these notes, what are the main risks', risks],
    ['Write a brief on', brief],
  ]),
  modelCalls: 4,
  artifacts: ['heat-pumps-in-cold-climates-brief.md'],
  resultContains: '**Recommendation.**',
};
