import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openPopup, type ExtensionSession } from '../support/chromium';
import { serveFolder, type FixtureServer } from '../support/fixture-server';
import {
  backgroundLuminance,
  boxOf,
  clickNode,
  countInCard,
  linkAttributes,
  nodeNamed,
  outside,
  overlaps,
  readCards,
  waitForCard,
  waitForNoCard,
} from './support/card-reader';
import { captureReadmeShots, importPack, saveOwnEntity } from './support/card-setup';
import { drawnTexts, glide, hoverCard, pointAt, textBox, textPoint } from './support/pointer';

const FIXTURES = 'tests/e2e/fixtures-card';
let session: ExtensionSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFolder('tests/e2e');
  session = await launchWithExtension();
  const popup = await openPopup(session);
  expect((await importPack(popup, `${FIXTURES}/hostile-pack.json`)).status).toBe('done');
  // The validator refuses javascript: links, so this pack must be refused whole.
  const refused = await importPack(popup, `${FIXTURES}/javascript-link-pack.json`);
  expect(refused).toMatchObject({ status: 'failed', message: expect.stringMatching(/http/) });
  // Two of the reader's own entities sharing a form: "Mercury" is ambiguous.
  await saveOwnEntity(popup, { name: 'Mercury Labs', type: 'organization', aliases: ['Mercury'] });
  await saveOwnEntity(popup, { name: 'Mercury Rover', type: 'product', aliases: ['Mercury'] });
  await popup.close();
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** A fresh tab on the card fixture, once Backstory has underlined the names the tests use. */
async function openFixture(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(server.url('fixtures-card/card.html'));
  await expect
    .poll(() => drawnTexts(page), { timeout: 10_000 })
    .toEqual(expect.arrayContaining(['Joe Tsai', 'Mercury', 'Hostilium Labs']));
  return page;
}

describe('the entity card', () => {
  it('opens after the intent delay, survives the trip into it, closes ~300 ms after leaving', async () => {
    const page = await openFixture();
    const point = await textPoint(page, '#lead', 'Joe Tsai');
    // Timed from before the first pointer event: under load a poll can only see the card later
    // than it appeared, never earlier, so these bounds cannot fail a correct card by chance.
    const start = Date.now();
    await pointAt(page, point);
    const card = await waitForCard(page);
    expect(Date.now() - start).toBeGreaterThanOrEqual(280); // the intent delay is 300 ms
    expect(card.name).toBe('Joe Tsai');

    // Travel down into the card at a hand's pace and stay there longer than the close delay.
    const name = await textPoint(page, '#lead', 'Joe Tsai', false);
    const box = await boxOf(page, card.backendNodeId);
    await glide(page, name, { x: box.left + 40, y: box.top + 30 }, 0.4);
    await page.waitForTimeout(700);
    expect((await readCards(page)).map((c) => c.name)).toEqual(['Joe Tsai']);

    // Off to the right, where the page has no text.
    const left = Date.now();
    await page.mouse.move(page.viewportSize()!.width - 20, box.top + 10, { steps: 3 });
    await waitForNoCard(page);
    expect(Date.now() - left).toBeGreaterThanOrEqual(280); // the close delay is 300 ms
    expect(Date.now() - left).toBeLessThan(2_000);
    await page.close();
  });

  it('opens the next name’s card when the pointer moves on to it and rests there', async () => {
    const page = await openFixture();
    await pointAt(page, await textPoint(page, '#lead', 'Joe Tsai'));
    expect((await waitForCard(page)).name).toBe('Joe Tsai');
    // Along the line to the next name at a hand's pace: it arrives within the first card's close
    // delay, and the pointer then rests there, as a reader's does.
    const from = await textPoint(page, '#lead', 'Joe Tsai', false);
    await glide(page, from, await textPoint(page, '#lead', 'Alibaba', false), 0.4);
    const next = await waitForCard(page, (card) => /Alibaba/.test(card.name), 3_000);
    expect(next.name).toMatch(/Alibaba/);
    await page.close();
  });

  it('opens no card while the pointer sweeps across several names', async () => {
    const page = await openFixture();
    const first = await textPoint(page, '#sweep', 'Baidu');
    const last = await textPoint(page, '#sweep', 'Google');
    let seen = 0;
    let sweeping = true;
    const watch = (async () => {
      while (sweeping) {
        seen += (await readCards(page)).length;
        await page.waitForTimeout(25);
      }
    })();
    // About 1 px/ms: the sweep lasts well over the intent delay, but no name holds the pointer.
    await glide(page, { x: first.x - 60, y: first.y }, { x: last.x + 140, y: last.y }, 1);
    await page.waitForTimeout(600);
    sweeping = false;
    await watch;
    expect(seen).toBe(0);
    await page.close();
  });

  it('follows a fact to another entity and comes back', async () => {
    const page = await openFixture();
    let card = await hoverCard(page, '#lead', 'Joe Tsai');
    expect(card.text).toMatch(/as of Feb(ruary)? 13, 2025|as of 13 Feb/);
    await clickNode(page, nodeNamed(card, 'button', 'Alibaba Group').backendNodeId);
    card = await waitForCard(
      page,
      (c) => c.name === 'Alibaba Group' && c.text.includes('Chairman'),
    );
    const back = nodeNamed(card, 'button', 'Back');
    expect(card.nodes.find((n) => n.role === 'heading')?.focused).toBe(true);
    await clickNode(page, back.backendNodeId);
    card = await waitForCard(page, (c) => c.name === 'Joe Tsai' && c.text.includes('Chairman of'));
    expect(card.nodes.some((n) => n.name === 'Back')).toBe(false);
    await page.close();
  });

  it('links only to http(s) addresses, in a new tab without an opener', async () => {
    const page = await openFixture();
    const card = await hoverCard(page, '#lead', 'Joe Tsai');
    const links = card.nodes.filter((n) => n.role === 'link');
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      const attrs = await linkAttributes(page, link);
      expect(attrs.href).toMatch(/^https?:\/\//);
      expect(attrs).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
    }
    await page.close();
  });

  it('shows a hostile pack’s markup as literal text and runs none of it', async () => {
    const page = await openFixture();
    const card = await hoverCard(page, '#hostile', 'Hostilium');
    expect(card.name).toBe('Hostilium Labs');
    expect(card.text).toContain('<img src=x onerror="document.documentElement.dataset.pwned=');
    expect(card.text).toContain('<a href="javascript:');
    expect(card.text).toContain('<svg onload=');
    const planted = 'img, script, iframe, [onerror], [onload], [onmouseover], [href^=javascript]';
    expect(await countInCard(page, card, planted)).toBe(0);
    for (const link of card.nodes.filter((n) => n.role === 'link')) {
      expect((await linkAttributes(page, link)).href).toMatch(/^https:\/\/example\.com\//);
    }
    expect(await page.evaluate(() => document.documentElement.dataset['pwned'])).toBeUndefined();
    // The pack with a javascript: link was refused whole: its entity is not known anywhere.
    await pointAt(page, await textPoint(page, '#hostile', 'Scriptorium'));
    await page.waitForTimeout(900);
    expect((await readCards(page)).map((c) => c.name)).not.toContain('Scriptorium Works');
    await page.close();
  });

  it('stays inside the viewport and off the mention at the bottom-right edge', async () => {
    const page = await openFixture();
    const card = await hoverCard(page, '#edge', 'Alibaba');
    const mention = await textBox(page, '#edge', 'Alibaba', false);
    const box = await boxOf(page, card.backendNodeId);
    const viewport = page.viewportSize()!;
    expect(outside(box, viewport.width, viewport.height)).toEqual([]);
    expect(overlaps(box, mention)).toBe(false);
    await page.close();
  });

  it('fits a small iframe’s viewport', async () => {
    const page = await openFixture();
    const frame = page.frame({ url: /frame\.html$/ })!;
    const frameBox = (await (await frame.frameElement()).boundingBox())!;
    await expect.poll(() => drawnTexts(frame), { timeout: 10_000 }).toContain('Joe Tsai');
    const inner = await textPoint(frame, '#inner', 'Joe Tsai', false);
    await pointAt(page, { x: frameBox.x + inner.x, y: frameBox.y + inner.y });
    const card = await waitForCard(page, (c) => c.name === 'Joe Tsai');
    const box = await boxOf(page, card.backendNodeId); // in the frame's own viewport
    const size = await frame.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    expect(outside(box, size.w, size.h)).toEqual([]);
    await page.close();
  });

  it('follows the system colour scheme', async () => {
    const page = await openFixture();
    const luminance = async () => {
      const value = await backgroundLuminance(page, await hoverCard(page, '#lead', 'Joe Tsai'));
      await page.mouse.move(1, 1);
      await waitForNoCard(page);
      return value;
    };
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await luminance()).toBeLessThan(0.2);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await luminance()).toBeGreaterThan(0.9);
    await page.close();
  });

  it('lets the reader pick among the entities an ambiguous form may mean', async () => {
    const page = await openFixture();
    let card = await hoverCard(page, '#ambiguous', 'Mercury');
    card = await waitForCard(page, (c) => c.nodes.some((n) => n.name === 'Mercury Rover'));
    const radios = card.nodes.filter((n) => n.role === 'radio');
    expect(radios.map((r) => r.name).sort()).toEqual(['Mercury Labs', 'Mercury Rover']);
    const checked = radios.find((r) => r.checked)!;
    expect(card.name).toBe(checked.name);
    const other = radios.find((r) => !r.checked)!;
    await clickNode(page, other.backendNodeId);
    card = await waitForCard(page, (c) => c.name === other.name);
    expect(card.nodes.find((n) => n.name === other.name && n.role === 'radio')?.checked).toBe(true);
    await page.close();
  });

  it('closes on Esc and gives the focus back; a pinned card outlasts the pointer', async () => {
    const page = await openFixture();
    await page.focus('#before');
    let card = await hoverCard(page, '#lead', 'Joe Tsai');
    // A click on a fact moves the focus into the card (to the new heading).
    await clickNode(page, nodeNamed(card, 'button', 'Alibaba Group').backendNodeId);
    card = await waitForCard(page, (c) => c.name === 'Alibaba Group');
    await page.keyboard.press('Escape');
    await waitForNoCard(page, 1_000);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');

    await page.mouse.move(1, 1);
    card = await hoverCard(page, '#lead', 'Joe Tsai');
    await clickNode(page, nodeNamed(card, 'button', 'Pin').backendNodeId);
    card = await waitForCard(page, (c) => nodeNamed(c, 'button', 'Pin').pressed === true);
    await page.mouse.move(1, 1, { steps: 3 });
    await page.waitForTimeout(900);
    expect((await readCards(page)).map((c) => c.name)).toEqual(['Joe Tsai']);
    await page.keyboard.press('Escape');
    await waitForNoCard(page, 1_000);
    await page.close();
  });

  it('stops annotating a form on this site after "Not this one here"', async () => {
    const page = await openFixture();
    const card = await hoverCard(page, '#suppress', 'Moonshot AI');
    await clickNode(page, nodeNamed(card, 'button', 'Not this one here').backendNodeId);
    await waitForNoCard(page, 1_000);
    await expect.poll(() => drawnTexts(page), { timeout: 5_000 }).not.toContain('Moonshot AI');
    await page.close();
  });

  // The README's docs/card-light.png and docs/card-dark.png are copies of these screenshots.
  it('shows the full card over the demo article, in light and dark (artifacts/card-*.png)', async () => {
    const page = await session.context.newPage();
    await captureReadmeShots(page, server.url('fixtures/demo-article.html'), 'artifacts');
    await page.close();
  });
});
