import { type ExampleScript, sayByPrefix } from './example-script.js';

const notes = `- A lithium-ion cell stores energy by moving lithium ions between a graphite anode and a metal-oxide cathode.
- Capacity fades mainly because of the solid electrolyte interphase (SEI): a film on the anode that keeps growing and traps lithium.
- Heat speeds up SEI growth: cells kept at 40 °C lose capacity roughly twice as fast as cells at 25 °C.
- Storing a cell at 100% charge stresses the cathode; storage at 40 to 60% slows ageing.
- Deep cycles (100% to 0%) wear a cell faster than shallow ones (80% to 30%).
- Fast charging, especially in the cold, can plate metallic lithium on the anode, which is permanent loss and a safety risk.
- Phone batteries are typically rated to keep 80% of their capacity after 500 to 1,000 full cycles.
- Battery management systems limit voltage, current and temperature to slow all of these effects.`;

const outline = `1. What is inside the battery: ions shuttling between two electrodes
2. The main culprit: the SEI film that slowly eats lithium
3. What speeds it up: heat, full charge and deep cycles
4. The fast-charging trap: lithium plating in the cold
5. How to make a battery last: habits and what the phone already does for you`;

const article = `# Why your battery wears out

Every lithium-ion battery works the same way: when you charge it, lithium ions move from the cathode (a metal oxide) into the anode (graphite); when you use it, they move back. A battery "wears out" when fewer ions can make that trip.

## The slow thief: a film on the anode

The main culprit is a thin layer called the solid electrolyte interphase, or SEI. It forms on the anode from the very first charge and protects it, but it keeps growing, and every bit of growth traps lithium that can no longer carry charge. That is why capacity fades even when a battery just sits in a drawer.

## What makes it faster

Heat is the biggest accelerator: a cell kept at 40 °C loses capacity roughly twice as fast as one at 25 °C. Sitting at 100% charge stresses the cathode, and deep cycles from full to empty wear a cell faster than shallow ones.

## The fast-charging trap

Charging fast, especially when the battery is cold, can deposit metallic lithium on the anode instead of storing it inside. This "plating" is permanent and, in the worst case, a safety risk.

## Making it last

Keep your device out of the heat, avoid leaving it at 100% for days, and prefer top-ups to full drains. The good news: your phone's battery management system already limits voltage, current and temperature, which is why a typical phone battery still holds 80% of its capacity after 500 to 1,000 full cycles.`;

/** `examples/chain-research-openai.yaml`: research, outline, write. */
export const chainResearch: ExampleScript = {
  name: 'chain-research-openai',
  providers: ['openai'],
  answer: sayByPrefix([
    ['List the key facts about', notes],
    ['Outline a', outline],
    ['Write the explainer', article],
  ]),
  modelCalls: 3,
  artifacts: ['how-lithium-ion-batteries-wear-out.md', 'research-notes.md'],
  resultContains: '# Why your battery wears out',
};
