// The workspace's keys of the state (www/state.js): layout, panels and max, in the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PANELS, parse, format, applyPatch, panelList } from '../../www/state.js';

test('the default layout, panels and maximised panel stay out of the URL', () => {
  const state = parse('#q=korea');
  assert.equal(state.layout, '');
  assert.equal(state.panels, 'kwic,reader,terms,dispersion');
  assert.equal(state.max, '');
  assert.equal(format(state), '#q=korea');
  assert.equal(format(parse('#panels=kwic,reader,terms,dispersion')), '');
});

test('a link names the layout, the panels in order and the maximised one', () => {
  const state = parse('#layout=workspace&panels=cloud,kwic,collocates&max=kwic');
  assert.equal(state.layout, 'workspace');
  assert.equal(state.panels, 'cloud,kwic,collocates');
  assert.equal(state.max, 'kwic');
  assert.equal(format(state), '#layout=workspace&panels=cloud%2Ckwic%2Ccollocates&max=kwic');
  assert.deepEqual(parse(format(state)), state);
  assert.equal(parse('#layout=tabs').layout, 'tabs');
});

test('bad values fall back: an unknown layout, unknown or repeated views, a maximised panel not shown', () => {
  assert.equal(parse('#layout=grid').layout, '');
  assert.equal(parse('#panels=kwic,nope,kwic,reader').panels, 'kwic,reader');
  assert.equal(parse('#panels=nope').panels, DEFAULT_PANELS.join(','));
  assert.equal(parse('#panels=').panels, DEFAULT_PANELS.join(','));
  assert.equal(parse('#max=cloud').max, '', 'the Cloud is not among the default panels');
  assert.equal(parse('#panels=cloud,kwic&max=cloud').max, 'cloud');
  assert.deepEqual(panelList(' reader , kwic '), ['reader', 'kwic']);
});

test('changing the panels keeps the query, the page and the hit', () => {
  const state = parse('#q=korea&page=2&read=1&hit=40');
  const next = applyPatch(state, { panels: 'reader,kwic', max: 'reader' });
  assert.equal(next.page, 2);
  assert.equal(next.hit, 40);
  assert.equal(next.read, 1);
  assert.equal(format(next), '#q=korea&page=2&read=1&hit=40&panels=reader%2Ckwic&max=reader');
});
