import type { BuiltinPatternType, BuiltinProvider } from '@strands-cli/core/builtin-plugins';
import { loopingPatternBodies, loopingPatternTopics, type StarterBody } from './init-starter-loops.js';
/**
 * The starter specs `strands init` writes: one per pattern, with the runtime block of the chosen
 * provider. Written as YAML text (not serialised objects) so they can carry comments for a newcomer.
 */

/** Patterns `strands init` can write. */
export type StarterPattern = BuiltinPatternType;
/** Providers `strands init` can configure. */
export type StarterProvider = BuiltinProvider;

const runtimeBlocks: Record<StarterProvider, string> = {
  openai: `runtime:
  provider: openai
  model_id: gpt-4o-mini
  # Reads OPENAI_API_KEY from the environment. For an OpenAI-compatible server, add host: <base URL>.
  max_parallel: 4`,
  ollama: `runtime:
  provider: ollama
  model_id: llama3.2
  # Ollama at OLLAMA_HOST, or http://localhost:11434 when it is unset; add host: <URL> to pin one.
  # Pull the model first with: ollama pull llama3.2
  max_parallel: 2`,
  bedrock: `runtime:
  provider: bedrock
  model_id: us.anthropic.claude-3-5-haiku-20241022-v1:0
  # Uses the usual AWS credential chain (environment, profile, SSO).
  region: us-east-1
  max_parallel: 4`,
  anthropic: `runtime:
  provider: anthropic
  model_id: claude-sonnet-4-20250514
  # Reads ANTHROPIC_API_KEY from the environment (and ANTHROPIC_BASE_URL, if set).
  # The Messages API needs max_tokens; without it each call asks for at most 1024 tokens.
  max_tokens: 1024
  max_parallel: 4`,
  gemini: `runtime:
  provider: gemini
  model_id: gemini-2.5-flash
  # Reads GEMINI_API_KEY (or GOOGLE_API_KEY) from the environment (and GOOGLE_GEMINI_BASE_URL, if set).
  max_parallel: 4`,
};

const patternBodies: Record<StarterPattern, StarterBody> = {
  ...loopingPatternBodies,
  chain: {
    description: 'Research a topic, then write a short summary of it.',
    body: `agents:
  researcher:
    prompt: You research topics and list the key facts, one per line.
  writer:
    prompt: You turn notes into one clear paragraph for a general audience.

pattern:
  type: chain
  config:
    steps:
      - agent: researcher
        input: List five key facts about {{ topic }}.
      - agent: writer
        input: |
          Write one paragraph about {{ topic }} from these notes:
          {{ steps[0].response }}

outputs:
  artifacts:
    - path: summary.md
      from: "{{ last_response }}"`,
  },
  workflow: {
    description: 'Collect facts and opinions in parallel, then combine them into a brief.',
    body: `agents:
  analyst:
    prompt: You are a careful analyst. Answer with short bullet points.
  editor:
    prompt: You combine notes into a brief with a title and three short sections.

pattern:
  type: workflow
  config:
    tasks:
      - id: facts
        agent: analyst
        input: List the main facts about {{ topic }}.
      - id: opinions
        agent: analyst
        input: List the main arguments for and against {{ topic }}.
      - id: brief
        agent: editor
        deps: [facts, opinions]
        input: |
          Facts:
          {{ tasks.facts.response }}

          Arguments:
          {{ tasks.opinions.response }}

outputs:
  artifacts:
    - path: brief.md
      from: "{{ tasks.brief.response }}"`,
  },
  parallel: {
    description: 'Look at a topic from several angles at once, then merge the views.',
    body: `agents:
  expert:
    prompt: You are an expert who answers in five bullet points or fewer.
  synthesiser:
    prompt: You merge several viewpoints into one balanced summary.

pattern:
  type: parallel
  config:
    branches:
      - id: economics
        steps:
          - agent: expert
            input: What are the economic effects of {{ topic }}?
      - id: environment
        steps:
          - agent: expert
            input: What are the environmental effects of {{ topic }}?
    reduce:
      agent: synthesiser
      input: |
        Economics:
        {{ branches.economics.response }}

        Environment:
        {{ branches.environment.response }}

outputs:
  artifacts:
    - path: summary.md
      from: "{{ last_response }}"`,
  },
  routing: {
    description: 'Send a question to the right specialist.',
    body: `agents:
  router:
    prompt: You classify questions. Choose the route that fits the question best.
  explainer:
    prompt: You explain technical ideas simply, with one example.
  advisor:
    prompt: You give practical, step-by-step advice.

pattern:
  type: routing
  config:
    router:
      agent: router
      input: "Question: {{ topic }}"
    routes:
      explain:
        then:
          - agent: explainer
            input: Explain {{ topic }}.
      advise:
        then:
          - agent: advisor
            input: Give advice about {{ topic }}.

outputs:
  artifacts:
    - path: answer.md
      from: "{{ last_response }}"`,
  },
};

const defaultTopics: Record<StarterPattern, string> = {
  chain: 'solar power',
  workflow: 'a four-day work week',
  parallel: 'electric cars',
  routing: 'how does a heat pump work',
  ...loopingPatternTopics,
};

/**
 * The text of a starter spec. It begins with the `yaml-language-server` modeline pointing at
 * `schemaReference`, so editors with the YAML language server complete and check keys.
 */
export function starterSpec(
  pattern: StarterPattern,
  provider: StarterProvider,
  schemaReference: string,
): string {
  const { description, body } = patternBodies[pattern];
  return `# yaml-language-server: $schema=${schemaReference}
# A starter spec using the ${pattern} pattern. Check it with: strands validate <this file>
# Run it with: strands run <this file> --var topic="..."
version: 0
name: starter-${pattern}
description: ${description}

${runtimeBlocks[provider]}

inputs:
  values:
    topic: ${defaultTopics[pattern]}

${body}
`;
}
