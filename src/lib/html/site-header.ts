/** The site header: the brand, and the account links of whoever is looking. */
import type { User } from 'lucia';
import { config } from '../../config';
import { html, type Html } from './html';

export function siteHeaderHtml(user: Pick<User, 'role'> | null, unread: number): Html {
  const item = (content: Html) => html`<li>${content}</li>`;
  const account = user
    ? [
        item(html`<a href="/notifications">Notifications${unread > 0 && html` <span class="count-badge">${unread}<span class="visually-hidden"> unread</span></span>`}</a>`),
        item(html`<a href="/bookmarks">Bookmarks</a>`),
        (user.role === 'educator' || user.role === 'admin') && item(html`<a href="/educator">Console</a>`),
        item(html`<a href="/account">Your account</a>`),
        item(html`<form method="post" action="/signout"><button class="link-button" type="submit">Sign out</button></form>`),
      ]
    : [item(html`<a href="/signin">Sign in</a>`), item(html`<a href="/signup">Sign up</a>`)];
  return html`<header class="site-header"><div class="site-header__inner"><a class="site-header__brand" href="/">${config.siteName}</a><nav class="site-nav" aria-label="Account"><ul>${[
    item(html`<a href="/">Courses</a>`),
    item(html`<a href="/toolkit">Toolkit</a>`),
    ...account,
  ]}</ul></nav></div></header>`;
}
