// The 45 global (全球通办) service items with their guides and form attributes, read from public-service's
// catalogue. The last list read is kept in localStorage (public data, no personal data) so that the
// portal can still show the guides and build the forms while public-service is down, saying the list
// is stale; a signed-in user also gets the overseas-service's own cached list (with its stale flag).

import {user} from '../js/auth.js';
import {api} from '../js/api.js';
import {t} from '../js/i18n.js';
import {notice, problemNotice, render} from '../js/ui.js';

const STORAGE_KEY = 'fengqiao.portal.globalItems';

let memory = null; // {items, fetchedAt, stale, source}

function stored() {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    return value && Array.isArray(value.items) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The global items: {items, fetchedAt, stale, error}. stale with error set when public-service could not
 * be asked and an older list is shown; throws the ApiError when no list is known at all.
 */
export async function globalItems(refresh = false) {
  if (memory && !memory.stale && !refresh) {
    return memory;
  }
  try {
    const page = await api('/api/public/service-items', {query: {global: true, size: 200, sort: 'code'}});
    const items = (page.content || []).filter(item => item.global !== false);
    memory = {items, fetchedAt: new Date().toISOString(), stale: false, error: null};
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({items, fetchedAt: memory.fetchedAt}));
    } catch {
      // storage full or disabled: the list is still shown
    }
    return memory;
  } catch (error) {
    if (!error.unavailable) {
      throw error;
    }
    const known = stored();
    if (known) {
      memory = {items: known.items, fetchedAt: known.fetchedAt, stale: true, error};
      return memory;
    }
    if (user()) {
      // overseas-service keeps the last list it read (without guides): say whether it is stale
      const portal = await api('/api/overseas/portal/global-items');
      memory = {items: portal.items || [], fetchedAt: portal.fetchedAt, stale: !!portal.stale, error, partial: true};
      return memory;
    }
    throw error;
  }
}

/** One item with its guide and form (GET /api/public/service-items/{code}); the kept copy when down. */
export async function globalItem(code) {
  try {
    const item = await api(`/api/public/service-items/${encodeURIComponent(code)}`);
    return {item, stale: false, error: null};
  } catch (error) {
    if (!error.unavailable) {
      throw error;
    }
    const known = (memory?.items || stored()?.items || []).find(item => item.code === code);
    if (known && Array.isArray(known.form)) {
      return {item: known, stale: true, error, fetchedAt: memory?.fetchedAt || stored()?.fetchedAt};
    }
    throw error;
  }
}

/** globalItem(code), or null after drawing into `body` why it cannot be shown (unknown item, service down). */
export async function globalItemOrNotice(body, code) {
  try {
    return await globalItem(code);
  } catch (error) {
    render(body, error.status === 404 ? notice('error', t('portal.items.notFound', {code}))
      : problemNotice(error, 'portal.items.unavailable'));
    return null;
  }
}
