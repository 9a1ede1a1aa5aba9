import { describe, expect, it } from 'vitest';
import { siteHeaderHtml } from '../../../src/lib/html/site-header';

const open = '<header class="site-header"><div class="site-header__inner"><a class="site-header__brand" href="/">BeST CPD</a><nav class="site-nav" aria-label="Account"><ul><li><a href="/">Courses</a></li><li><a href="/toolkit">Toolkit</a></li>';
const close = '</ul></nav></div></header>';
const signOut = '<li><form method="post" action="/signout"><button class="link-button" type="submit">Sign out</button></form></li>';
const console_ = '<li><a href="/educator">Console</a></li>';

describe('the site header', () => {
  it('offers Sign in and Sign up to someone signed out, and nothing of an account', () => {
    expect(siteHeaderHtml(null, 5).value).toBe(`${open}<li><a href="/signin">Sign in</a></li><li><a href="/signup">Sign up</a></li>${close}`);
  });

  it('gives a signed-in learner their account links and a Sign out form, with no count when nothing is unread and no Console', () => {
    expect(siteHeaderHtml({ role: 'learner' }, 0).value).toBe(
      `${open}<li><a href="/notifications">Notifications</a></li><li><a href="/bookmarks">Bookmarks</a></li><li><a href="/account">Your account</a></li>${signOut}${close}`,
    );
  });

  it('shows how many notifications are unread, with words for screen readers', () => {
    expect(siteHeaderHtml({ role: 'learner' }, 3).value).toContain(
      '<li><a href="/notifications">Notifications <span class="count-badge">3<span class="visually-hidden"> unread</span></span></a></li>',
    );
  });

  it('links educators and admins to the Console, between Bookmarks and Your account', () => {
    for (const role of ['educator', 'admin'] as const) {
      expect(siteHeaderHtml({ role }, 0).value).toContain(`<li><a href="/bookmarks">Bookmarks</a></li>${console_}<li><a href="/account">Your account</a></li>`);
    }
    expect(siteHeaderHtml({ role: 'learner' }, 0).value).not.toContain('/educator');
  });
});
