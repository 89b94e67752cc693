// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { domNodesCapability, readDomNodes } from './dom-nodes.js';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('readDomNodes', () => {
  it('counts every element of the document, html, head and body included', () => {
    document.body.innerHTML = '<main><p>a</p><p>b <b>c</b></p></main>';
    expect(readDomNodes()).toBe(3 + 4);
  });

  it('follows the document as it changes', () => {
    const before = readDomNodes()!;
    document.body.append(document.createElement('div'), document.createElement('div'));
    expect(readDomNodes()).toBe(before + 2);
  });

  it('takes the count from a static list, leaving no live collection for the browser to keep up to date', () => {
    const live = vi.spyOn(document, 'getElementsByTagName');
    const liveAll = vi.spyOn(document, 'getElementsByClassName');
    readDomNodes();
    expect(live).not.toHaveBeenCalled();
    expect(liveAll).not.toHaveBeenCalled();
  });
});

describe('domNodesCapability', () => {
  it('is active wherever there is a document', () => {
    expect(domNodesCapability()).toMatchObject({ state: 'active' });
  });
});
