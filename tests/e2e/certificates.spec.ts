import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFDict, PDFString, PDFArray } from 'pdf-lib';
import { baseURL } from '../playwright.config';
import { confirmEmail, setRole } from './database';
import { expectAccessible, joinCourse, signUp } from './support';

const course = 'fixture-basics';

/** Completes every step of the fixture course by hand and passes its assessment. */
async function meetTheRule(page: Page) {
  await page.goto(`/courses/${course}/todo`);
  const steps = await page.locator('.todo-steps a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  for (const step of steps) {
    await page.goto(step);
    const mark = page.getByRole('button', { name: 'Mark as complete' });
    if (await mark.isVisible()) {
      await mark.click();
      await expect(page.getByRole('button', { name: 'Mark as incomplete' })).toBeVisible();
    }
  }
  await page.goto(`/courses/${course}/steps/final-assessment`);
  await page.getByRole('group', { name: /two plus two/ }).getByLabel('Four').check();
  const even = page.getByRole('group', { name: /even numbers/ });
  await even.getByLabel('Two').check();
  await even.getByLabel('Four').check();
  await page.getByRole('group', { name: /capital of England/ }).getByLabel('London').check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByText('Your score: 100%')).toBeVisible();
}

function pdfFile(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cert-')), 'file.pdf');
  writeFileSync(file, bytes);
  return file;
}

function pdfText(bytes: Buffer): string {
  return execFileSync('pdftotext', ['-layout', pdfFile(bytes), '-'], { encoding: 'utf8' });
}

async function linkUris(bytes: Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const annots = doc.getPage(0).node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const uris: string[] = [];
  for (const ref of annots?.asArray() ?? []) {
    const action = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
    const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString);
    if (uri) uris.push(uri.decodeText());
  }
  return uris;
}

test('an ineligible learner is told what is missing and gets no certificate', async ({ page }) => {
  await joinCourse(page, course);
  await page.goto(`/courses/${course}/progress`);
  await expect(page.getByRole('button', { name: 'Get your certificate' })).toHaveCount(0);
  const refused = await page.request.post(`/courses/${course}/certificate`, { headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  const body = await refused.text();
  expect(body).toContain('You cannot get your certificate yet');
  expect(body).toContain('Pass the Final assessment.');
});

test('a learner meets the rule, gets the certificate, and anyone can verify it; others cannot download it; revoking shows', async ({ page, browser }) => {
  // A certificate needs a confirmed email address; tests/e2e/access.spec.ts confirms one through the real link.
  confirmEmail(await joinCourse(page, course));
  await page.goto('/account');
  await page.getByLabel('Full name').fill('Siobhán Ní Bhriain');
  await page.getByRole('button', { name: 'Save details' }).click();
  await meetTheRule(page);

  await page.goto(`/courses/${course}/progress`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Get your certificate' }).click();
  await expect(page.getByText('Certificate of Achievement for 2 CPD hours')).toBeVisible();
  await expectAccessible(page);
  const shown = (await page.locator('#certificate-title ~ p strong').first().textContent()) ?? '';
  expect(shown).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  const canonical = shown.replaceAll('-', '');

  // Pressing again (a second post) returns the same certificate.
  await page.request.post(`/courses/${course}/certificate`, { headers: { Origin: baseURL } });
  await page.reload();
  await expect(page.getByText(shown)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download your certificate (PDF)' }).click()]);
  expect(download.suggestedFilename()).toBe(`${course}-certificate-${canonical}.pdf`);
  const pdf = readFileSync(await download.path());
  expect(pdf.byteLength).toBeLessThan(150_000);
  // The README's picture of a certificate is this one, so it stays current.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdfFile(pdf), 'docs/screenshots/certificate']);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  for (const expected of ['Certificate of Achievement', 'Siobhán Ní Bhriain', 'Fixture Course in Basic Skills', '2 CPD hours', shown, 'Test Provider']) {
    expect(text).toContain(expected);
  }

  // The QR code and its printed URL carry the verification address: follow it.
  const uris = await linkUris(pdf);
  expect(uris).toContain(`${baseURL}/verify/${shown}`);
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto(uris[0]!);
  await expect(visitor.getByRole('heading', { name: 'Valid certificate' })).toBeVisible();
  await expect(visitor.getByText('Siobhán Ní Bhriain')).toBeVisible();
  await expectAccessible(visitor);
  // Numbers are accepted in any case, with or without dashes.
  await visitor.goto(`/verify/${canonical.toLowerCase()}`);
  await expect(visitor.getByRole('heading', { name: 'Valid certificate' })).toBeVisible();
  const missing = await visitor.goto('/verify/0000-0000-0000-0000');
  expect(missing?.status()).toBe(404);
  await expect(visitor.getByRole('heading', { name: 'No such certificate' })).toBeVisible();

  // Nobody but the owner gets the PDF: not anonymous, not another learner.
  expect((await visitor.request.get(`/certificates/${canonical}.pdf`)).status()).toBe(404);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other);
  expect((await other.request.get(`/certificates/${canonical}.pdf`)).status()).toBe(404);

  // An admin revokes it: the verify page says so, and the owner's PDF is refused with an explanation.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminEmail = await signUp(admin);
  setRole(adminEmail, 'admin');
  await admin.goto(`/admin/certificates?q=${shown}`);
  await expectAccessible(admin);
  await admin.getByLabel('Reason for revoking').fill('Issued in error during testing');
  await admin.getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByRole('status')).toContainText('The certificate has been revoked.');
  await visitor.goto(`/verify/${shown}`);
  await expect(visitor.getByRole('heading', { name: 'Revoked' })).toBeVisible();
  const refused = await page.request.get(`/certificates/${canonical}.pdf`);
  expect(refused.status()).toBe(410);
  expect(await refused.text()).toContain('Issued in error during testing');
  await page.goto(`/courses/${course}/progress`);
  await expect(page.getByText(/was revoked on .*: Issued in error during testing/)).toBeVisible();
  await anonymous.close();
  await otherContext.close();
  await adminContext.close();
});

test('the admin certificates page is not found for learners', async ({ page }) => {
  await signUp(page);
  expect((await page.goto('/admin/certificates'))?.status()).toBe(404);
});

test('weekly reflections are saved and appear in the CPD record, before any certificate', async ({ page }) => {
  await joinCourse(page, course);
  await page.goto(`/courses/${course}/reflections`);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save reflection for week 1' }).click();
  await expect(page.getByRole('alert')).toContainText('Write something in at least one of the three boxes.');
  await page.locator('#w1-learned').fill('Explaining pain without talk of damage.');
  await page.locator('#w1-apply').fill('Use the hurt and harm idea in my next group.');
  await page.locator('#w1-next').fill('Read the NICE guideline again.');
  await page.getByRole('button', { name: 'Save reflection for week 1' }).click();
  await expect(page.getByRole('status')).toContainText('Your reflection for week 1 has been saved.');
  await expect(page.locator('#w1-learned')).toHaveValue('Explaining pain without talk of damage.');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CPD record' }).click()]);
  const text = pdfText(readFileSync(await download.path())).replace(/\s+/g, ' ');
  for (const expected of ['Fixture Course in Basic Skills', 'Getting started', 'Explaining pain without talk of damage.', 'Use the hurt and harm idea in my next group.', 'Read the NICE guideline again.']) {
    expect(text).toContain(expected);
  }
});
