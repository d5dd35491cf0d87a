/**
 * Starter bodies of the patterns that loop or fan out at run time (graph, evaluator–optimizer,
 * orchestrator–workers). Kept apart from the sequential ones so each file stays readable.
 */

/** A starter's one-line description and its YAML from `agents:` on. */
export interface StarterBody {
  readonly description: string;
  readonly body: string;
}

/** The graph, evaluator_optimizer and orchestrator_workers starters. */
export const loopingPatternBodies = {
  graph: {
    description: 'Draft an explanation, have it reviewed, and revise until the reviewer approves.',
    body: `agents:
  writer:
    prompt: You write short, clear explanations for a general audience.
  reviewer:
    prompt: >-
      You review explanations. Answer APPROVED when the text is clear and correct;
      otherwise list what to fix.

pattern:
  type: graph
  config:
    # Each node runs at most this many times; budgets.max_steps bounds the whole run.
    max_iterations: 3
    nodes:
      draft:
        agent: writer
        input: |
          Explain {{ topic }} in one paragraph.
          {% if nodes.review.status == 'success' %}Address this review: {{ nodes.review.response }}{% endif %}
      review:
        agent: reviewer
        input: |
          Review this explanation of {{ topic }}:
          {{ nodes.draft.response }}
      publish:
        agent: writer
        input: |
          Polish this explanation for publication, keeping its meaning:
          {{ nodes.draft.response }}
    edges:
      - from: draft
        to: [review]
      # The first condition that holds picks the next node; a node without edges ends the run.
      - from: review
        choose:
          - when: "'APPROVED' in nodes.review.response"
            to: publish
          - when: else
            to: draft

outputs:
  artifacts:
    - path: explanation.md
      from: "{{ last_response }}"`,
  },
  evaluator_optimizer: {
    description: 'Write a description, score it, and revise it until the score is high enough.',
    body: `agents:
  writer:
    prompt: Write a three-sentence description of {{ topic }} for a product page.
  critic:
    prompt: You are a strict editor who scores writing for clarity, accuracy and tone.

pattern:
  type: evaluator_optimizer
  config:
    # The producer's first input is its own prompt; later inputs are revise_prompt.
    producer: writer
    evaluator:
      agent: critic
      input: |
        Score this description of {{ topic }} from 0 to 100:
        {{ draft }}
    accept:
      min_score: 80
      max_iters: 3
    revise_prompt: |
      Revise this description of {{ topic }}.
      Draft: {{ draft }}
      Score: {{ evaluation.score }}
      Issues: {{ evaluation.issues | join('; ') }}
      Fixes: {{ evaluation.fixes | join('; ') }}

outputs:
  artifacts:
    - path: description.md
      from: "{{ last_response }}"`,
  },
  orchestrator_workers: {
    description: 'Split a research question into sub-questions, answer them in parallel, then write up.',
    body: `agents:
  planner:
    prompt: You split a research topic into two to four independent questions.
  researcher:
    prompt: You answer one research question in a short, factual paragraph.
  editor:
    prompt: You combine research notes into one well-organised report.

pattern:
  type: orchestrator_workers
  config:
    # The orchestrator answers with a JSON list of tasks; each task becomes a worker's input.
    orchestrator:
      agent: planner
      limits:
        max_workers: 3
        max_rounds: 1
    worker_template:
      agent: researcher
    writeup:
      agent: editor
      input: |
        Write a short report on {{ topic }} from these notes:
        {% for worker in workers %}
        ## {{ worker.task }}
        {{ worker.response }}
        {% endfor %}

outputs:
  artifacts:
    - path: report.md
      from: "{{ last_response }}"`,
  },
} satisfies Record<string, StarterBody>;

/** Default `topic` values of these starters. */
export const loopingPatternTopics = {
  graph: 'how vaccines train the immune system',
  evaluator_optimizer: 'a reusable water bottle',
  orchestrator_workers: 'the history of the bicycle',
} satisfies Record<keyof typeof loopingPatternBodies, string>;
