import { type ExampleScript, say, unexpected } from './example-script.js';

const triage = `# Export CSV on the Reports page downloads nothing in Chrome on Windows (4.12.0)

**Severity:** S2. Month-end exports are blocked for affected users, but a workaround exists (Safari on macOS works) and no data is lost.

**Component:** web-app, Reports page, CSV export

**Steps to reproduce**
1. Update to web-app 4.12.0.
2. Open the Reports page in Chrome 122 on Windows 11.
3. Click "Export CSV".
4. Observe: the spinner shows for about a second, then no file is downloaded.

**Likely cause:** unknown. The regression started with 4.12.0 and is browser-specific, so a change in how the download is triggered (for example a blocked programmatic download or a failed blob URL in Chrome) is the first thing to check.

**Next action:** reproduce in Chrome 122 with the developer console open, capture any console or network error, and compare the export code path between 4.11.x and 4.12.0. Tag the release owner, since the reporter needs the export before Friday's month-end close.`;

/** `examples/single-agent-triage-bedrock.yaml`: one call, one triaged ticket. */
export const singleAgentTriage: ExampleScript = {
  name: 'single-agent-triage-bedrock',
  providers: ['bedrock'],
  answer: (conversation) =>
    conversation.input.startsWith('Triage this bug report')
      ? say(conversation, triage)
      : unexpected(conversation),
  modelCalls: 1,
  artifacts: ['triage.md'],
  resultContains: '**Severity:** S2',
};
