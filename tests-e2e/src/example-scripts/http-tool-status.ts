import type { ScriptedReply } from '@strands-cli/test-servers';
import { type Conversation, httpToolBody } from './conversation.js';
import { callTools, type ExampleScript, say, unexpected } from './example-script.js';

interface Service {
  readonly name: string;
  readonly status: string;
  readonly uptime_30d: number;
}

interface Incident {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: string;
  readonly impact: string;
  readonly last_update: string;
}

/** The services list (first tool result) and the incidents fetched after it. */
function readResults(conversation: Conversation) {
  const [first, ...rest] = conversation.toolResults.map(httpToolBody);
  const services = ((first as { services?: Service[] } | undefined)?.services ?? []) as Service[];
  const incidents = new Map<string, Incident[]>();
  for (const body of rest) {
    const page = body as { service?: string; open_incidents?: Incident[] } | undefined;
    if (page?.service) incidents.set(page.service, page.open_incidents ?? []);
  }
  return { services, incidents };
}

/** The handover a model writes once it has every service and the incidents of the unhealthy ones. */
function handover(services: readonly Service[], incidents: ReadonlyMap<string, Incident[]>): string {
  const unhealthy = services.filter((service) => service.status !== 'operational');
  const lines = [
    `**Overall:** ${unhealthy.length} of ${services.length} services need attention (${unhealthy.map((service) => `${service.name}: ${service.status.replace('_', ' ')}`).join(', ')}).`,
  ];
  for (const service of unhealthy) {
    lines.push('', `## ${service.name} (${service.status.replace('_', ' ')})`);
    for (const incident of incidents.get(service.name) ?? []) {
      lines.push(
        `- **${incident.id}** (${incident.severity}, ${incident.status}): ${incident.title}.`,
        `- Impact: ${incident.impact}.`,
        `- Latest: ${incident.last_update}`,
        `- Watch: ${incident.status === 'monitoring' ? 'confirm the recovery holds, then close the incident' : 'the backlog trend after each scaling step; update the status page every 30 minutes'}.`,
      );
    }
  }
  const fine = services.filter((service) => service.status === 'operational').map((service) => service.name);
  lines.push('', `**Fine:** ${fine.join(', ')}.`);
  return lines.join('\n');
}

/** `examples/http-tool-status-bedrock.yaml`: list the services, fetch the unhealthy ones' incidents, report. */
export const httpToolStatus: ExampleScript = {
  name: 'http-tool-status-bedrock',
  providers: ['bedrock'],
  usesStatusApi: true,
  answer: (conversation): ScriptedReply => {
    if (!conversation.input.startsWith('Write the')) return unexpected(conversation);
    if (conversation.toolResults.length === 0) {
      return callTools(
        conversation,
        [{ id: 'tooluse_svc01', name: 'status_api', input: { method: 'GET', path: '/services' } }],
        'I will check every service first.',
      );
    }
    const { services, incidents } = readResults(conversation);
    const missing = services.filter(
      (service) => service.status !== 'operational' && !incidents.has(service.name),
    );
    if (missing.length > 0) {
      return callTools(
        conversation,
        missing.map((service, index) => ({
          id: `tooluse_inc0${index + 1}`,
          name: 'status_api',
          input: { method: 'GET', path: `/services/${service.name}/incidents` },
        })),
        `${missing.map((service) => service.name).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not operational; fetching the open incidents.`,
      );
    }
    return say(conversation, handover(services, incidents));
  },
  modelCalls: 3,
  toolCalls: 3,
  artifacts: ['handover-morning.md'],
  resultContains: 'INC-2043',
};
