import { describe, expect, it } from 'vitest';
import { renderCompiled, type TemplateHost } from './compiled-templates.js';

/** A host that records what it is asked to do; templates "render" to their source. */
function recordingHost(refuse: (source: string) => boolean = () => false) {
  const templates = new Map<string, string>();
  const calls: string[] = [];
  const host: TemplateHost = {
    renderStr(source) {
      calls.push('renderStr');
      if (refuse(source)) throw new Error('syntax error');
      return source;
    },
    addTemplate(name, source) {
      calls.push('addTemplate');
      if (refuse(source)) throw new Error('syntax error');
      templates.set(name, source);
    },
    renderTemplate(name) {
      calls.push('renderTemplate');
      return templates.get(name) ?? '';
    },
    clearTemplates() {
      calls.push('clearTemplates');
      templates.clear();
    },
  };
  return { host, calls };
}

describe('renderCompiled', () => {
  it('prepares and parses a template once, then renders it by name', () => {
    const { host, calls } = recordingHost();
    let prepared = 0;
    const prepare = (source: string) => {
      prepared += 1;
      return source.toUpperCase();
    };
    expect(renderCompiled(host, 'a', prepare, {})).toBe('A');
    expect(renderCompiled(host, 'a', prepare, {})).toBe('A');
    expect(prepared).toBe(1);
    expect(calls).toEqual(['addTemplate', 'renderTemplate', 'renderTemplate']);
  });

  it('reports a template that does not parse as renderStr does, and keeps nothing of it', () => {
    const { host, calls } = recordingHost((source) => source === 'bad');
    expect(() => renderCompiled(host, 'bad', (source) => source, {})).toThrow('syntax error');
    expect(() => renderCompiled(host, 'bad', (source) => source, {})).toThrow('syntax error');
    expect(calls).toEqual(['addTemplate', 'renderStr', 'addTemplate', 'renderStr']);
  });

  it('starts afresh once it holds many distinct templates, and still renders each right', () => {
    const { host, calls } = recordingHost();
    for (let index = 0; index < 600; index += 1) {
      expect(renderCompiled(host, `t${index}`, (source) => source, {})).toBe(`t${index}`);
    }
    expect(calls.filter((call) => call === 'clearTemplates')).toHaveLength(1);
    expect(renderCompiled(host, 't599', (source) => source, {})).toBe('t599');
  });
});
